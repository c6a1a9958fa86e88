/**
 * Character counts of a policy's JSON text, the three ways AWS services measure policy size.
 * One pass over the text, no parsing and no re-serialisation, so it is cheap on large corpora.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html
 */

export interface CharacterCounts {
  /** Every character in the range: what the Organizations API stores when sent a file. */
  asWritten: number;
  /** Whitespace between JSON tokens left out; strings kept exactly as written. */
  compact: number;
  /** `compact` less the whitespace characters inside strings as well. */
  stripped: number;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/**
 * Counts the characters of `text` from `start` up to `end`, in UTF-16 code units. Escapes
 * are counted as written (`\n` is two characters and neither is whitespace), because that is
 * the text an upload sends.
 */
export function countCharacters(
  text: string,
  start = 0,
  end = text.length,
): CharacterCounts {
  let tokenWhitespace = 0;
  let stringWhitespace = 0;
  let inString = false;

  for (let offset = start; offset < end; offset++) {
    const code = text.charCodeAt(offset);
    if (inString) {
      if (code === BACKSLASH) {
        offset++;
      } else if (code === QUOTE) {
        inString = false;
      } else if (isWhitespace(code)) {
        stringWhitespace++;
      }
    } else if (code === QUOTE) {
      inString = true;
    } else if (isWhitespace(code)) {
      tokenWhitespace++;
    }
  }

  const asWritten = Math.max(end - start, 0);
  const compact = asWritten - tokenWhitespace;
  return { asWritten, compact, stripped: compact - stringWhitespace };
}

/**
 * ECMAScript's white space and line terminators, the set `\s` matches. AWS does not say
 * which characters it treats as white space; strict JSON only allows the first four between
 * tokens, and the rest can only occur inside strings.
 */
export function isWhitespace(code: number): boolean {
  switch (code) {
    case 0x20:
    case 0x0a:
    case 0x0d:
    case 0x09:
    case 0x0b:
    case 0x0c:
    case 0xa0:
    case 0x1680:
    case 0x2028:
    case 0x2029:
    case 0x202f:
    case 0x205f:
    case 0x3000:
    case 0xfeff:
      return true;
    default:
      return code >= 0x2000 && code <= 0x200a;
  }
}
