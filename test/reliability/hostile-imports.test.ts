/**
 * Guarantee 6: hostile or broken imports are rejected whole, through the real paths — the
 * background's `ui:importHistory` (router + handler + store holding a month of data) and the
 * CLI's `import` — and the message says why. Nothing already stored changes, nothing is
 * written, and no prototype is polluted.
 */
import { englishMessage } from '../../core/i18n/english';
import type { Message } from '../../core/i18n/message';
import { afterEach, describe, expect, it } from 'vitest';
import { main } from '../../cli/main';
import { MAX_HISTORY_OBSERVATIONS } from '../../core/history/history-file';
import { MAX_IMPORT_CHARS } from '../../core/messaging/protocol';
import { readImportFiles } from '../../entrypoints/options/import-files';
import { memoryIO } from '../unit/cli/memory-io';
import { worldWithData, type World } from './support';

const TRACK = { id: 't-7f3a', isrc: 'CHA012400001', title: 'Harbour Lights', artists: ['Lake Avenue'], spotifyTrackIds: ['4uLU6hMCjMI75M1A2tKUQC'], distributorIds: { imusician: '884211' } };

/** A valid history file of 1,000 observations (one track, 1,000 days), as text; `edit` may spoil it. */
function thousandRows(edit: (observations: Record<string, unknown>[]) => void = () => {}): string {
  const start = Date.UTC(2022, 0, 1);
  const observations: Record<string, unknown>[] = Array.from({ length: 1000 }, (_, i) => ({
    track: TRACK.id,
    source: 'imusician',
    store: 'spotify',
    metric: 'streams',
    day: new Date(start + i * 86_400_000).toISOString().slice(0, 10),
    value: 40 + (i % 17),
    observedAt: new Date(start + (i + 5) * 86_400_000).toISOString(),
  }));
  edit(observations);
  return JSON.stringify({ format: 'crosscount-history', version: 1, exportedAt: '2025-04-20T10:00:00.000Z', tracks: [TRACK], observations });
}

const HOSTILE: [string, string, string][] = [
  ['a bad row 500 of 1,000 (negative count)', thousandRows((o) => (o[499]!.value = -12)), 'observations[499].value: -12 is not a non-negative whole number'],
  ['a bad row 500 of 1,000 (impossible date)', thousandRows((o) => (o[499]!.day = '2023-02-29')), 'observations[499].day: "2023-02-29" is not a calendar day (YYYY-MM-DD)'],
  ['an impossible time', thousandRows((o) => (o[3]!.observedAt = '2025-04-01T25:00:00.000Z')), 'observations[3].observedAt: "2025-04-01T25:00:00.000Z" is not an ISO time with a zone'],
  ['a count as text', thousandRows((o) => (o[10]!.value = '153')), 'observations[10].value: "153" is not a number'],
  ['tracks that are not a list', JSON.stringify({ ...JSON.parse(thousandRows()), tracks: { 0: TRACK } }), 'tracks: expected a list'],
  ['a version as text', thousandRows().replace('"version":1', '"version":"1"'), 'version: "1" is not a format version'],
  ['an unknown track reference', thousandRows((o) => (o[999]!.track = 't-nowhere')), 'observations[999].track: "t-nowhere" is not a track in this file'],
  ['__proto__ at the top', thousandRows().replace('{"format"', '{"__proto__":{"polluted":"yes"},"format"'), '__proto__: not allowed as a key'],
  ['__proto__ in a track', thousandRows().replace('{"id":"t-7f3a"', '{"__proto__":{"polluted":"yes"},"id":"t-7f3a"'), 'tracks[0].__proto__: not allowed as a key'],
  ['__proto__ as a distributor', thousandRows().replace('{"imusician":"884211"}', '{"__proto__":{"polluted":"yes"}}'), 'tracks[0].distributorIds.__proto__: not allowed as a key'],
  ['__proto__ in row 500', thousandRows((o) => (o[499] = JSON.parse(JSON.stringify(o[499]).replace('{', '{"__proto__":{"polluted":"yes"},')))), 'observations[499].__proto__: not allowed as a key'],
  ['constructor.prototype in a row', thousandRows((o) => (o[2] = { ...o[2], constructor: { prototype: { polluted: 'yes' } } })).replace('"value":42', '"value":-1'), 'observations[2].value: -1'],
  [
    'more observations than a history file may hold',
    `{"format":"crosscount-history","version":1,"exportedAt":"2026-11-21T10:00:00.000Z","tracks":[],"observations":[${'0,'.repeat(MAX_HISTORY_OBSERVATIONS)}0]}`,
    `observations: ${MAX_HISTORY_OBSERVATIONS + 1} entries is more than the ${MAX_HISTORY_OBSERVATIONS} a history file may hold`,
  ],
  ['a truncated file', thousandRows().slice(0, 40_000), 'not JSON: the text ends too early'],
  ['not a history file', '{"tracks":[],"observations":[]}', 'not a Crosscount history file'],
];

let world: World | undefined;
afterEach(() => world?.store.close());

function polluted(): unknown {
  return ({} as Record<string, unknown>).polluted ?? (Object.prototype as Record<string, unknown>).polluted;
}

describe('ui:importHistory on a store with data refuses a hostile file whole', () => {
  it('accepts the unspoiled file (the cases below fail for their one flaw only)', async () => {
    world = await worldWithData();
    expect(await world.send('ui:importHistory', { fileName: 'clean.json', text: thousandRows() })).toMatchObject({ ok: true, data: { observationsAdded: 1000 } });
  });

  it.each(HOSTILE)('%s', async (_name, text, problem) => {
    world = await worldWithData();
    const before = await world.snapshot();
    const reply = await world.send('ui:importHistory', { fileName: 'hostile.json', text });
    expect(reply.ok).toBe(false);
    const error = reply.ok ? '' : reply.error;
    // Names the file and the first problem, in one line.
    expect(error.startsWith('hostile.json: ')).toBe(true);
    expect(error).toContain(problem);
    expect(error).not.toMatch(/[\r\n]/);
    expect(await world.snapshot()).toEqual(before);
    expect(polluted()).toBeUndefined();
  });

  it('a text over the message size cap is refused before it is read', async () => {
    world = await worldWithData();
    const before = await world.snapshot();
    const reply = await world.send('ui:importHistory', { fileName: 'huge.json', text: ' '.repeat(MAX_IMPORT_CHARS + 1) });
    expect(reply).toMatchObject({ ok: false, error: expect.stringContaining('ui:importHistory: text:') });
    expect(await world.snapshot()).toEqual(before);
  });

  it('a polluting message envelope reaches no prototype and stores nothing', async () => {
    world = await worldWithData();
    const before = await world.snapshot();
    const reply = await world.send('ui:importHistory', JSON.parse('{"__proto__":{"polluted":"yes"},"fileName":"x.json","text":"{}"}'));
    expect(reply.ok).toBe(false);
    expect(polluted()).toBeUndefined();
    expect(await world.snapshot()).toEqual(before);
  });
});

describe('crosscount import refuses a hostile input whole: exit 1, one line, nothing written', () => {
  it.each(HOSTILE.filter(([name]) => !name.startsWith('more observations')))('%s', async (_name, text, problem) => {
    const previous = thousandRows((o) => o.splice(10));
    const run = memoryIO({ 'history.json': previous, 'hostile.json': text });
    // Adding to an existing history: the output is one of the inputs, and must stay as it was.
    expect(await main(['import', 'history.json', 'hostile.json', '--out', 'history.json'], run.io)).toBe(1);
    expect(run.written).toEqual([]);
    expect(run.text('history.json')).toBe(previous);
    const lines = run.stderr().trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('hostile.json: ');
    expect(lines[0]).toContain(problem);
    expect(polluted()).toBeUndefined();
  });
});

/** An iMusician sales report of 1,000 rows (one song, one country per row); `bad` spoils one row. */
function salesReport(bad?: { row: number; quantity: string }): string {
  const header = 'Sales Date,Statement Date,Artist,Release Title,Barcode,Label,ISRC,Track Title,Track Version,Shop,Transaction Type,Country,Quantity,Revenue EUR';
  const countries = ['CH', 'DE', 'AT', 'FR', 'IT', 'NL', 'BE', 'SE', 'NO', 'DK'];
  const rows = Array.from({ length: 1000 }, (_, i) => {
    const month = `20${String(14 + Math.floor(i / 120)).padStart(2, '0')}-${String(1 + (Math.floor(i / 10) % 12)).padStart(2, '0')}`;
    const quantity = bad && i === bad.row - 1 ? bad.quantity : String(100 + (i % 50));
    return `${month},2024-05,Luma Field,Night Drive,7640000000017,Self,CHA1B2400001,Night Drive,,Spotify,stream,${countries[i % 10]},${quantity},0.30`;
  });
  return `${header}\n${rows.join('\n')}\n`;
}

describe('a distributor report with a bad row in the middle is refused whole', () => {
  it('the clean report reads (the refusals below come from the one bad row)', async () => {
    const run = memoryIO({ 'sales.csv': salesReport() });
    expect(await main(['import', 'sales.csv', '--out', 'out.json'], run.io)).toBe(0);
  });

  it.each([
    ['a fractional quantity', '12.5'],
    ['a quantity that is not a number', 'lots'],
  ])('CLI: %s at row 500 of 1,000 — exit 1, row named, nothing written', async (_name, quantity) => {
    const run = memoryIO({ 'sales.csv': salesReport({ row: 500, quantity }) });
    expect(await main(['import', 'sales.csv', '--out', 'out.json'], run.io)).toBe(1);
    expect(run.written).toEqual([]);
    // Spreadsheet row numbers: the header is row 1, so data row 500 is row 501.
    expect(run.stderr()).toMatch(/^crosscount: sales\.csv: row 501, column M \(Quantity\): /);
  });

  it('history page: the file is refused in the preview with the same reason, so nothing of it is sent', async () => {
    const bytes = new TextEncoder().encode(salesReport({ row: 500, quantity: '12.5' }));
    const [preview] = await readImportFiles([{ name: 'sales.csv', bytes }], new Date('2025-04-20T10:00:00.000Z'));
    expect(preview).toMatchObject({ fileName: 'sales.csv', ok: false });
    // The same words as the CLI's, from the key and values the page phrases.
    expect(englishMessage((preview as { error: Message }).error)).toMatch(/^row 501, column M \(Quantity\): "12\.5" is not a whole number of streams$/);
  });
});
