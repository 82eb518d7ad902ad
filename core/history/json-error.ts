/**
 * Where a text stops being JSON. JSON.parse says why but (in V8) not always where, and a user
 * fixing a file by hand needs the line and column. Only called after JSON.parse failed, so it
 * favours clarity over speed; it keeps its own stack, so deep nesting cannot overflow.
 */
import type { Message } from '../i18n/message';
import { message } from '../i18n/typed';

interface JsonErrorLocation {
  /** Index of the offending character (the text's length when it ends early). */
  offset: number;
  line: number;
  column: number;
  problem: Message;
}

type Expect = 'value' | 'valueOrClose' | 'keyOrClose' | 'key' | 'colon' | 'commaOrClose' | 'end';

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const ESCAPES = new Set(['"', '\\', '/', 'b', 'f', 'n', 'r', 't']);
const HEX4 = /^[0-9a-fA-F]{4}$/;

export function locateJsonError(text: string): JsonErrorLocation | undefined {
  const found = findProblem(text);
  if (!found) return undefined;
  const { line, column } = lineAndColumn(text, found.offset);
  return { ...found, line, column };
}

function findProblem(text: string): { offset: number; problem: Message } | undefined {
  const stack: string[] = [];
  let expect: Expect = 'value';
  let i = 0;
  const afterValue = (): Expect => (stack.length === 0 ? 'end' : 'commaOrClose');

  for (;;) {
    while (i < text.length && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i++;
    if (i >= text.length) {
      if (expect === 'end') return undefined;
      return { offset: text.length, problem: i === 0 || text.trim() === '' ? message('jsonEmpty') : message('jsonCutOff') };
    }
    const c = text[i]!;
    switch (expect) {
      case 'end':
        return { offset: i, problem: message('jsonAfterEnd', { found: show(c) }) };
      case 'keyOrClose':
      case 'key':
        if (expect === 'keyOrClose' && c === '}') {
          stack.pop();
          i++;
          expect = afterValue();
          break;
        }
        if (c !== '"') return { offset: i, problem: message('jsonExpectedKey', { found: show(c) }) };
        {
          const end = scanString(text, i);
          if (typeof end !== 'number') return end;
          i = end;
        }
        expect = 'colon';
        break;
      case 'colon':
        if (c !== ':') return { offset: i, problem: message('jsonExpectedColon', { found: show(c) }) };
        i++;
        expect = 'value';
        break;
      case 'commaOrClose': {
        const close = stack[stack.length - 1] === '{' ? '}' : ']';
        if (c === ',') {
          i++;
          expect = close === '}' ? 'key' : 'value';
        } else if (c === close) {
          stack.pop();
          i++;
          expect = afterValue();
        } else {
          return { offset: i, problem: message('jsonExpectedComma', { close, found: show(c) }) };
        }
        break;
      }
      case 'value':
      case 'valueOrClose': {
        if (expect === 'valueOrClose' && c === ']') {
          stack.pop();
          i++;
          expect = afterValue();
          break;
        }
        if (c === '{' || c === '[') {
          stack.push(c);
          i++;
          expect = c === '{' ? 'keyOrClose' : 'valueOrClose';
          break;
        }
        if (c === '"') {
          const end = scanString(text, i);
          if (typeof end !== 'number') return end;
          i = end;
          expect = afterValue();
          break;
        }
        const literal = ['true', 'false', 'null'].find((word) => text.startsWith(word, i));
        NUMBER.lastIndex = i;
        const number = literal ? undefined : NUMBER.exec(text);
        if (!literal && !number) return { offset: i, problem: message('jsonExpectedValue', { found: show(c) }) };
        i += literal ? literal.length : number![0].length;
        expect = afterValue();
        break;
      }
    }
  }
}

/** Index after the closing quote of the string starting at `start`, or the problem. */
function scanString(text: string, start: number): number | { offset: number; problem: Message } {
  for (let j = start + 1; j < text.length; j++) {
    const c = text[j]!;
    if (c === '"') return j + 1;
    if (c < ' ') return { offset: j, problem: message('jsonControlInString') };
    if (c === '\\') {
      const escaped = text[j + 1];
      if (escaped === 'u' && HEX4.test(text.slice(j + 2, j + 6))) j += 5;
      else if (escaped !== undefined && ESCAPES.has(escaped)) j += 1;
      else if (escaped !== undefined) return { offset: j, problem: message('jsonBadEscape', { escape: `\\${escaped}` }) };
    }
  }
  return { offset: text.length, problem: message('jsonCutOffInString') };
}

function show(c: string): string {
  return JSON.stringify(c);
}

/** 1-based line and column (in UTF-16 code units) of `offset`. */
function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let at = text.indexOf('\n'); at !== -1 && at < offset; at = text.indexOf('\n', at + 1)) {
    line++;
    lineStart = at + 1;
  }
  return { line, column: offset - lineStart + 1 };
}
