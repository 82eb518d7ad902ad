import { describe, expect, it } from 'vitest';
import { locateJsonError } from '../../../core/history/json-error';
import { englishMessage } from '../../../core/i18n/english';

describe('locateJsonError', () => {
  it.each([
    ['{"a": 1} x', 1, 10, 'unexpected "x" after the end of the JSON'],
    ['{"a": 1,\n "b": }', 2, 7, 'unexpected "}" where a value should be'],
    ['[1, 2\n', 2, 1, 'the text ends too early (cut off?)'],
    ['{"a" 1}', 1, 6, "expected ':' after the property name, found \"1\""],
    ['[1 2]', 1, 4, "expected ',' or ']', found \"2\""],
    ['{"title": "Glacier\nLights"}', 1, 19, 'a line break or control character inside a string'],
    ['["\\x"]', 1, 3, 'invalid escape \\x in a string'],
    ["{'a': 1}", 1, 2, 'expected a property name in double quotes, found "\'"'],
    ['[01]', 1, 3, "expected ',' or ']', found \"1\""],
    ['  ', 1, 3, 'the text is empty'],
  ])('%j', (text, line, column, problem) => {
    expect(JSON.parse.bind(JSON, text)).toThrow();
    const located = locateJsonError(text);
    expect(located).toMatchObject({ line, column });
    expect(englishMessage(located!.problem)).toBe(problem);
  });

  it.each(['{"a": [1, -2.5e3, true, false, null, {"b": "\\u00e9\\n"}]}', '[]', ' "x" '])('finds nothing wrong in valid JSON %j', (text) => {
    expect(locateJsonError(text)).toBeUndefined();
  });

  it('survives very deep nesting without overflowing the stack', () => {
    expect(locateJsonError('['.repeat(200_000))).toMatchObject({ line: 1, column: 200_001, problem: { key: 'jsonCutOff' } });
  });
});
