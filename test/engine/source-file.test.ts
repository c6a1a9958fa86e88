import { describe, expect, it } from 'vitest';
import { createSourceFile, decodeBytes } from '../../src/engine/source-file.js';
import { positionAt } from '../../src/engine/positions.js';

const utf16le = (text: string) => new Uint8Array(Buffer.from(text, 'utf16le'));

describe('decodeBytes', () => {
  it('strips a UTF-8 byte order mark and records it', () => {
    const { text, encodingFacts } = decodeBytes(new Uint8Array([0xef, 0xbb, 0xbf, 0x7b, 0x7d]));
    expect(text).toBe('{}');
    expect(encodingFacts).toEqual({ encoding: 'utf-8', hasBom: true, invalidUtf8Offsets: [] });
  });

  it('recognises UTF-16 LE by its byte order mark', () => {
    const bytes = new Uint8Array([0xff, 0xfe, ...utf16le('{"a":1}')]);
    expect(decodeBytes(bytes)).toEqual({
      text: '{"a":1}',
      encodingFacts: { encoding: 'utf-16le', hasBom: true, invalidUtf8Offsets: [] },
    });
  });

  it('recognises UTF-16 BE without a byte order mark from its NUL pattern', () => {
    const bytes = new Uint8Array(Buffer.from('{"a":1}', 'utf16le').swap16());
    expect(decodeBytes(bytes)).toEqual({
      text: '{"a":1}',
      encodingFacts: { encoding: 'utf-16be', hasBom: false, invalidUtf8Offsets: [] },
    });
  });

  it('recognises UTF-32 LE', () => {
    const bytes = new Uint8Array([0x7b, 0, 0, 0, 0x7d, 0, 0, 0]);
    expect(decodeBytes(bytes).text).toBe('{}');
    expect(decodeBytes(bytes).encodingFacts.encoding).toBe('utf-32le');
  });

  it('marks invalid UTF-8 bytes instead of throwing', () => {
    const bytes = new Uint8Array([0x7b, 0x22, 0xc3, 0x28, 0x22, 0x7d]);
    const { text, encodingFacts } = decodeBytes(bytes);
    expect(text).toBe('{"\uFFFD("}');
    expect(encodingFacts.invalidUtf8Offsets).toEqual([2]);
  });
});

describe('positions', () => {
  it('counts 1-based lines and UTF-16 columns across CRLF, CR and LF', () => {
    const source = createSourceFile('x.json', 'a\r\nb\rc\nd\u{1F600}e');
    expect(positionAt(source.lineStarts, 0)).toEqual({ line: 1, column: 1 });
    expect(positionAt(source.lineStarts, 3)).toEqual({ line: 2, column: 1 });
    expect(positionAt(source.lineStarts, 5)).toEqual({ line: 3, column: 1 });
    // The emoji takes two code units, as ESLint and SARIF count them.
    expect(positionAt(source.lineStarts, 10)).toEqual({ line: 4, column: 4 });
  });

  it('treats a BOM given as text like one read from bytes', () => {
    const source = createSourceFile('x.json', '\uFEFF{}');
    expect(source.text).toBe('{}');
    expect(source.encodingFacts.hasBom).toBe(true);
  });
});
