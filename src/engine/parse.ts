/**
 * The parse stage: strict JSON (RFC 8259) to a jsonc-parser tree that keeps every offset.
 * AWS rejects comments and trailing commas, so both are errors here. Only the first error is
 * reported: later ones are usually echoes of it.
 */

import { type Node, type ParseError, ParseErrorCode, parseTree } from 'jsonc-parser';
import { describeCodePoint } from './describe-char.js';

export interface ParseFailure {
  message: string;
  start: number;
  end: number;
}

export interface ParsedJson {
  /** The tree, partial when parsing failed (enough to tell whether it looks like a policy). */
  root: Node | undefined;
  failure: ParseFailure | undefined;
}

/**
 * Real policies nest six or seven levels deep. The cap keeps the recursive parser and every
 * walker far from the call-stack limit on hostile input.
 */
export const MAX_NESTING_DEPTH = 64;

const PARSE_OPTIONS = { disallowComments: true, allowTrailingComma: false };

export function parseJson(text: string): ParsedJson {
  const tooDeepAt = findExcessiveNesting(text);
  if (tooDeepAt !== undefined) {
    return {
      root: parseTree(text.slice(0, tooDeepAt), [], PARSE_OPTIONS),
      failure: {
        message: `Parsing error: Nesting deeper than ${MAX_NESTING_DEPTH} levels; ` +
          'no IAM policy is nested this deep.',
        start: tooDeepAt,
        end: tooDeepAt + 1,
      },
    };
  }

  const errors: ParseError[] = [];
  const root = parseTree(text, errors, PARSE_OPTIONS);
  const [first] = errors;
  return { root, failure: first && describeError(text, first) };
}

/** Returns the offset of the first bracket that opens one level too many. */
function findExcessiveNesting(text: string): number | undefined {
  let depth = 0;
  let inString = false;
  for (let offset = 0; offset < text.length; offset++) {
    const char = text[offset];
    if (inString) {
      if (char === '\\') offset++;
      else if (char === '"') inString = false;
    } else if (char === '"') {
      inString = true;
    } else if (char === '{' || char === '[') {
      depth++;
      if (depth > MAX_NESTING_DEPTH) return offset;
    } else if (char === '}' || char === ']') {
      depth--;
    }
  }
  return undefined;
}

function describeError(text: string, error: ParseError): ParseFailure {
  const start = error.offset;
  const end = error.offset + Math.max(error.length, 1);
  const at = (message: string, from = start, to = end): ParseFailure => ({
    message: `Parsing error: ${message}`,
    start: from,
    end: Math.min(Math.max(to, from), Math.max(text.length, from)),
  });

  const trailingComma = findTrailingComma(text, error);
  if (trailingComma !== undefined) {
    return at('Trailing comma; JSON and AWS do not allow one. Remove it.', trailingComma,
      trailingComma + 1);
  }

  switch (error.error) {
    case ParseErrorCode.InvalidCommentToken:
    case ParseErrorCode.UnexpectedEndOfComment:
      return at('Comments are not allowed in JSON (AWS rejects them in policies). ' +
        'Remove the comment.');
    case ParseErrorCode.InvalidSymbol:
      return at(describeUnexpected(text, start), start, start + 1);
    case ParseErrorCode.InvalidCharacter:
      return describeControlCharacter(text, error, at);
    case ParseErrorCode.UnexpectedEndOfString:
      if (error.offset + error.length >= text.length) return describeMissing(text, error, at);
      return at('String is not closed; add the closing quote before the end of the line.');
    case ParseErrorCode.InvalidEscapeCharacter:
      return at(String.raw`Invalid escape; JSON allows \" \\ \/ \b \f \n \r \t and \uXXXX.`);
    case ParseErrorCode.InvalidUnicode:
      return at(String.raw`Invalid \u escape; it needs four hexadecimal digits.`);
    case ParseErrorCode.InvalidNumberFormat:
    case ParseErrorCode.UnexpectedEndOfNumber:
      return at('Invalid number.');
    case ParseErrorCode.ColonExpected:
      return at('Expected ":" after the property name.');
    case ParseErrorCode.CommaExpected:
      return describeMissingComma(text, error, at);
    case ParseErrorCode.PropertyNameExpected:
      return at('Expected a property name in double quotes.');
    case ParseErrorCode.EndOfFileExpected:
      return at('Unexpected content after the end of the JSON document.');
    case ParseErrorCode.CloseBraceExpected:
    case ParseErrorCode.CloseBracketExpected:
    case ParseErrorCode.ValueExpected:
      return describeMissing(text, error, at);
    default:
      return at('Invalid JSON.');
  }
}

type At = (message: string, from?: number, to?: number) => ParseFailure;

function describeMissing(text: string, error: ParseError, at: At): ParseFailure {
  if (text === '') return at('The file is empty; a policy document is a JSON object.', 0, 0);
  if (text.trim() === '') {
    return at('The file holds only white space; a policy document is a JSON object.', 0, 0);
  }
  // Called for an unclosed string only when that string runs to the end of the text.
  const truncated = error.error === ParseErrorCode.UnexpectedEndOfString ||
    text.slice(error.offset).trim() === '';
  if (truncated) {
    return at('The document ends before it is complete; the file may be truncated.',
      text.length, text.length);
  }
  if (error.error === ParseErrorCode.ValueExpected) {
    return at('Expected a value: a string, number, object, array, true, false or null.');
  }
  const closer = error.error === ParseErrorCode.CloseBraceExpected ? '}' : ']';
  return at(`Expected "," or "${closer}".`);
}

/** A value or name expected right after a comma, where the object or array closes. */
function findTrailingComma(text: string, error: ParseError): number | undefined {
  const expectsMore = error.error === ParseErrorCode.ValueExpected ||
    error.error === ParseErrorCode.PropertyNameExpected;
  const closer = text[error.offset];
  if (!expectsMore || (closer !== '}' && closer !== ']')) return undefined;

  let before = error.offset - 1;
  while (before >= 0 && /\s/u.test(text[before] ?? '')) before--;
  return text[before] === ',' ? before : undefined;
}

function describeControlCharacter(text: string, error: ParseError, at: At): ParseFailure {
  for (let offset = error.offset; offset < error.offset + error.length; offset++) {
    if ((text.charCodeAt(offset) ?? 0x20) < 0x20) {
      return at(`Control character ${describeChar(text, offset)} inside a string; ` +
        'write it as an escape such as \\n or \\t.', offset, offset + 1);
    }
  }
  return at('Invalid character inside a string.');
}

/**
 * Curly quotes come from pasting a policy out of a document or chat, single quotes from
 * writing it as a Python or JavaScript literal.
 */
function describeUnexpected(text: string, offset: number): string {
  const quote = /['\u2018\u2019\u201C\u201D]/u.test(text[offset] ?? '');
  const hint = quote ? ' JSON needs straight double quotes (").' : '';
  return `Unexpected character ${describeChar(text, offset)}.${hint}`;
}

/**
 * `012345678901` parses as 0 followed by a stray number: JSON forbids leading zeros, which
 * is why account ids must be strings.
 */
function describeMissingComma(text: string, error: ParseError, at: At): ParseFailure {
  const leadingZero = /(?:^|[^\d.eE+-])(0)$/u.exec(text.slice(0, error.offset));
  if (leadingZero && /^\d/u.test(text.slice(error.offset))) {
    const zeroAt = error.offset - 1;
    const digits = /^\d+/u.exec(text.slice(zeroAt))?.[0] ?? '0';
    return at(`Number ${digits} starts with 0, which JSON does not allow. Write account ids ` +
      `as strings, e.g. "${digits}".`, zeroAt, zeroAt + digits.length);
  }
  return at('Expected "," between values.');
}

function describeChar(text: string, offset: number): string {
  return describeCodePoint(text.codePointAt(offset) ?? 0);
}
