/**
 * The workbook parts' tokenizer (core/sources/reports/xml.ts): what it gives on the SpreadsheetML
 * it meets and on damage, and that it never throws on any text.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseAttributes, xmlTokens } from '../../../../core/sources/reports/xml';

describe('xmlTokens', () => {
  it('elements, prefixes, attributes holding ">", text, CDATA; comments and declarations skipped', () => {
    const tokens = [...xmlTokens('<?xml version="1.0"?><!-- c --><x:row r="1" a=\'>\'><c/>text<![CDATA[<raw>]]></x:row>')];
    expect(tokens).toEqual([
      { kind: 'open', name: 'row', attributes: ' r="1" a=\'>\'', selfClosing: false },
      { kind: 'open', name: 'c', attributes: '', selfClosing: true },
      { kind: 'text', text: 'text', raw: false },
      { kind: 'text', text: '<raw>', raw: true },
      { kind: 'close', name: 'row' },
    ]);
  });

  it('unclosed tags come out as they are; a tag cut off at the end ends the tokens', () => {
    expect([...xmlTokens('<row><row><row')].map((token) => token.kind)).toEqual(['open', 'open']);
    expect([...xmlTokens('<row a="never closed>')]).toEqual([]);
  });

  it('never throws, and every token is shorter than the text', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('<', '>', '/', '"', "'", '=', 'row', 'c', ' ', '<!--', '-->', '<![CDATA[', ']]>', '<?', '?>', 'x:'), { maxLength: 40 }).map((parts) => parts.join('')), (xml) => {
        for (const token of xmlTokens(xml)) {
          const length = token.kind === 'text' ? token.text.length : token.name.length;
          expect(length).toBeLessThanOrEqual(xml.length);
        }
      }),
      { numRuns: 2000 },
    );
  });
});

describe('parseAttributes', () => {
  it('reads both quote styles, keeps the first of a repeated name, skips junk', () => {
    expect(Object.fromEntries(parseAttributes(' r="A1" t=\'s\' r="B2" junk = "x" bare'))).toEqual({ r: 'A1', t: 's', junk: 'x' });
    expect(parseAttributes('a="unclosed').size).toBe(0);
    expect(parseAttributes('constructor="1" __proto__="2"').get('__proto__')).toBe('2');
  });
});
