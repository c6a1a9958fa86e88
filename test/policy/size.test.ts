import { describe, expect, it } from 'vitest';
import { countCharacters, isWhitespace } from '../../src/policy/size.js';

describe('countCharacters', () => {
  it('counts a compact document the same three ways', () => {
    const text = '{"Statement":[]}';
    expect(countCharacters(text)).toEqual({ asWritten: 16, compact: 16, stripped: 16 });
  });

  // Indentation and line breaks between tokens only count as written.
  it('leaves whitespace between tokens out of compact and stripped', () => {
    const text = '{\r\n\t"Statement": [ ]\n}';
    expect(countCharacters(text)).toEqual({ asWritten: 22, compact: 16, stripped: 16 });
  });

  // A space inside a value stays in compact; only stripped drops it.
  it('keeps whitespace inside strings in compact', () => {
    const text = '{ "Sid": "a b\u00a0c" }';
    expect(countCharacters(text)).toEqual({ asWritten: 18, compact: 15, stripped: 13 });
  });

  // Escapes count as written: `\n` is two characters, and `\"` does not end the string.
  it('counts escapes as written and does not end a string at an escaped quote', () => {
    const text = String.raw`{"a":"x\" y\n"}`;
    expect(countCharacters(text)).toEqual({ asWritten: 15, compact: 15, stripped: 14 });
  });

  // An escaped backslash before the closing quote must not swallow the quote.
  it('ends a string after an escaped backslash', () => {
    const text = String.raw`{"a":"\\", "b":1}`;
    expect(countCharacters(text)).toEqual({ asWritten: 17, compact: 16, stripped: 16 });
  });

  // A container file holds several documents: only the requested range is counted.
  it('counts only the range it is given', () => {
    const text = '[ {"a": "b c"},  {"d": 1} ]';
    const start = text.indexOf('{"a"');
    const end = text.indexOf('}') + 1;
    const counts = countCharacters(text, start, end);
    expect(counts).toEqual({ asWritten: 12, compact: 11, stripped: 10 });
  });

  it('returns zeros for an empty range', () => {
    expect(countCharacters('{}', 1, 1)).toEqual({ asWritten: 0, compact: 0, stripped: 0 });
  });
});

describe('isWhitespace', () => {
  it('knows the JSON whitespace and the Unicode spaces, and nothing else', () => {
    const spaces = [0x20, 0x09, 0x0a, 0x0d, 0xa0, 0x2003, 0x2028, 0x3000];
    expect(spaces.map(isWhitespace)).toEqual(spaces.map(() => true));
    const others = [0x41, 0x00, 0x1f, 0x85, 0x200b, 0x2019];
    expect(others.map(isWhitespace)).toEqual(others.map(() => false));
  });
});
