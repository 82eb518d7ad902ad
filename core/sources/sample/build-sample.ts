/**
 * "Save a sample of this page": the file an artist may attach to a bug report so that the
 * readers can learn a dashboard's real response shapes. Built on the artist's computer and
 * saved locally; nothing is sent anywhere. Everything in it is redacted (redact-json.ts,
 * redact-url.ts, scrub.ts): no tokens, cookies, e-mail addresses or personal names; texts
 * other than track titles are replaced by their length.
 */
import { englishMessage } from '../../i18n/english';
import type { Message, SavedText } from '../../i18n/message';
import { redactJson } from './redact-json';
import { redactUrl } from './redact-url';
import { scrubLine } from './scrub';

interface SampleResponse {
  url: string;
  status: number;
  /** Parsed JSON (or null for an empty response). */
  body: unknown;
}

interface SampleOutcome {
  kind: string;
  recognised: boolean;
  reason: SavedText | null;
}

interface PageSampleInput {
  site: string;
  pageUrl: string;
  responses: readonly SampleResponse[];
  /** parseOutcomes[i] is what the reader made of responses[i]; extra ones (the DOM reader …) are listed apart. */
  parseOutcomes: readonly SampleOutcome[];
  /**
   * An outline of the page's markup (tags, ids, classes, data-* names) without its text; only
   * e-mails and tokens are scrubbed from it here, so it must not carry page text.
   */
  domOutline?: string;
  /** When the sample was saved (ISO time); left out when not given (the function is pure). */
  savedAt?: string;
}

export const SAMPLE_FORMAT = 'crosscount-page-sample';
export const MAX_SAMPLE_RESPONSES = 40;
const MAX_OUTLINE = 50_000;

const SAMPLE_ABOUT =
  'Crosscount page sample: the shapes of the data this dashboard page received, to help fix the reader. ' +
  'It was made on your computer and saved only as this file: nothing is sent anywhere. Before saving, ' +
  'tokens, cookies, e-mail addresses, names and other personal fields were removed; texts other than track ' +
  'titles were replaced by their length; lists were cut to their first items. Share it only if you choose to.';

/** A message in English; a key the catalog lacks (a newer reader) stays the key, never an error. */
function englishOrKey(text: Message): string {
  try {
    return englishMessage(text);
  } catch {
    return text.key;
  }
}

function outcomeView(outcome: SampleOutcome | undefined): unknown {
  if (!outcome || typeof outcome !== 'object') return null;
  return {
    kind: scrubLine(String(outcome.kind), 60),
    recognised: outcome.recognised === true,
    // A sample is for whoever fixes the reader: the reason in English, as the CLI would say it.
    reason: outcome.reason ? scrubLine(typeof outcome.reason === 'string' ? outcome.reason : englishOrKey(outcome.reason), 300) : null,
  };
}

export function buildPageSample(input: PageSampleInput): string {
  const responses = input.responses.slice(0, MAX_SAMPLE_RESPONSES).map((response, index) => ({
    url: redactUrl(String(response.url)),
    status: Number.isInteger(response.status) ? response.status : null,
    outcome: outcomeView(input.parseOutcomes[index]),
    body: redactJson(response.body ?? null),
  }));
  const sample: Record<string, unknown> = {
    about: SAMPLE_ABOUT,
    format: SAMPLE_FORMAT,
    version: 1,
    site: scrubLine(String(input.site), 40),
    page: redactUrl(String(input.pageUrl)),
  };
  if (typeof input.savedAt === 'string') sample.savedAt = scrubLine(input.savedAt, 40);
  sample.responses = responses;
  if (input.responses.length > MAX_SAMPLE_RESPONSES) sample.responsesLeftOut = input.responses.length - MAX_SAMPLE_RESPONSES;
  const otherOutcomes = input.parseOutcomes.slice(input.responses.length).map(outcomeView);
  if (otherOutcomes.length > 0) sample.otherOutcomes = otherOutcomes.slice(0, MAX_SAMPLE_RESPONSES);
  if (typeof input.domOutline === 'string') sample.domOutline = scrubLine(input.domOutline, MAX_OUTLINE);
  return `${JSON.stringify(sample, null, 2)}\n`;
}
