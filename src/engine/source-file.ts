/**
 * The read stage: bytes to text plus the encoding facts that rules report on. Decoding never
 * throws; bytes that are not valid UTF-8 become U+FFFD and their offsets are recorded.
 */

import { computeLineStarts } from './positions.js';

export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'utf-32le' | 'utf-32be';

export interface EncodingFacts {
  encoding: Encoding;
  /** True when the file began with a byte order mark, which is removed from `text`. */
  hasBom: boolean;
  /** Offsets in `text` of U+FFFD characters that stand for invalid UTF-8 bytes. */
  invalidUtf8Offsets: number[];
}

export interface SourceFile {
  path: string;
  text: string;
  /** Offsets where lines start; computed on first use, as most files get no finding. */
  readonly lineStarts: readonly number[];
  encodingFacts: EncodingFacts;
}

const REPLACEMENT = '\uFFFD';

const UTF8_FACTS: EncodingFacts = { encoding: 'utf-8', hasBom: false, invalidUtf8Offsets: [] };

export function createSourceFile(
  path: string,
  text: string,
  encodingFacts: EncodingFacts = UTF8_FACTS,
): SourceFile {
  // A BOM handed in as text (stdin, the ESLint door) is treated like one read from bytes.
  if (text.charCodeAt(0) === 0xfeff) {
    text = text.slice(1);
    encodingFacts = { ...encodingFacts, hasBom: true };
  }
  let lineStarts: number[] | undefined;
  return {
    path,
    text,
    encodingFacts,
    get lineStarts() {
      lineStarts ??= computeLineStarts(text);
      return lineStarts;
    },
  };
}

export function decodeBytes(bytes: Uint8Array): { text: string; encodingFacts: EncodingFacts } {
  const bom = detectBom(bytes);
  const encoding = bom?.encoding ?? sniffUnmarkedEncoding(bytes);
  const body = bytes.subarray(bom?.length ?? 0);
  const hasBom = bom !== undefined;

  if (encoding === 'utf-8') {
    return decodeUtf8(body, hasBom);
  }
  return {
    text: decodeWide(body, encoding),
    encodingFacts: { encoding, hasBom, invalidUtf8Offsets: [] },
  };
}

function detectBom(bytes: Uint8Array): { encoding: Encoding; length: number } | undefined {
  const [b0, b1, b2, b3] = bytes;
  if (b0 === 0xff && b1 === 0xfe && b2 === 0 && b3 === 0) {
    return { encoding: 'utf-32le', length: 4 };
  }
  if (b0 === 0 && b1 === 0 && b2 === 0xfe && b3 === 0xff) {
    return { encoding: 'utf-32be', length: 4 };
  }
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (b0 === 0xff && b1 === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (b0 === 0xfe && b1 === 0xff) return { encoding: 'utf-16be', length: 2 };
  return undefined;
}

/**
 * JSON text starts with an ASCII character, so a wide encoding without a BOM shows as NUL
 * bytes around the first character (RFC 4627 §3 used the same pattern).
 */
function sniffUnmarkedEncoding(bytes: Uint8Array): Encoding {
  if (bytes.length < 4) return 'utf-8';
  const [b0, b1, b2, b3] = bytes;
  if (b0 !== 0 && b1 === 0 && b2 === 0 && b3 === 0) return 'utf-32le';
  if (b0 === 0 && b1 === 0 && b2 === 0 && b3 !== 0) return 'utf-32be';
  if (b0 !== 0 && b1 === 0 && b2 !== 0 && b3 === 0) return 'utf-16le';
  if (b0 === 0 && b1 !== 0 && b2 === 0 && b3 !== 0) return 'utf-16be';
  return 'utf-8';
}

function decodeUtf8(bytes: Uint8Array, hasBom: boolean) {
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
    return { text, encodingFacts: { encoding: 'utf-8' as const, hasBom, invalidUtf8Offsets: [] } };
  } catch {
    return decodeUtf8Leniently(bytes, hasBom);
  }
}

/**
 * A file that failed strict decoding marks every U+FFFD as a bad byte sequence: a literal
 * U+FFFD in such a file is rare, and IAM rejects it as a character anyway.
 */
function decodeUtf8Leniently(bytes: Uint8Array, hasBom: boolean) {
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
  const invalidUtf8Offsets: number[] = [];
  let offset = text.indexOf(REPLACEMENT);
  while (offset !== -1) {
    invalidUtf8Offsets.push(offset);
    offset = text.indexOf(REPLACEMENT, offset + 1);
  }
  return { text, encodingFacts: { encoding: 'utf-8' as const, hasBom, invalidUtf8Offsets } };
}

function decodeWide(bytes: Uint8Array, encoding: Exclude<Encoding, 'utf-8'>): string {
  if (encoding === 'utf-16le') {
    return new TextDecoder('utf-16le', { ignoreBOM: true }).decode(bytes);
  }
  if (encoding === 'utf-16be') return swapAndDecodeUtf16(bytes);

  const littleEndian = encoding === 'utf-32le';
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let text = '';
  for (let index = 0; index + 4 <= bytes.length; index += 4) {
    const codePoint = view.getUint32(index, littleEndian);
    text += codePoint <= 0x10ffff ? String.fromCodePoint(codePoint) : '\uFFFD';
  }
  return text;
}

function swapAndDecodeUtf16(bytes: Uint8Array): string {
  const swapped = new Uint8Array(bytes.length - (bytes.length % 2));
  for (let index = 0; index < swapped.length; index += 2) {
    swapped[index] = bytes[index + 1] ?? 0;
    swapped[index + 1] = bytes[index] ?? 0;
  }
  return new TextDecoder('utf-16le', { ignoreBOM: true }).decode(swapped);
}
