import { describe, expect, it } from 'vitest';
import { MAX_NESTING_DEPTH, parseJson } from '../../src/engine/parse.js';

/** The failure with its text span, which is what users see underlined. */
function failureOf(text: string) {
  const { failure } = parseJson(text);
  return failure && { message: failure.message, span: text.slice(failure.start, failure.end) };
}

describe('parseJson', () => {
  it('parses strict JSON into a tree with offsets', () => {
    const { root, failure } = parseJson('{"Version": "2012-10-17"}');
    expect(failure).toBeUndefined();
    expect(root?.children?.[0]?.children?.[1]).toMatchObject({ offset: 12, length: 12 });
  });

  it('points at the trailing comma, not at the bracket after it', () => {
    expect(failureOf('{"Statement": [{"Effect": "Allow"},\n ]}')).toEqual({
      message: 'Parsing error: Trailing comma; JSON and AWS do not allow one. Remove it.',
      span: ',',
    });
  });

  it('rejects comments, which AWS rejects', () => {
    expect(failureOf('{"Version": "2012-10-17" // latest\n}')).toEqual({
      message: 'Parsing error: Comments are not allowed in JSON (AWS rejects them in ' +
        'policies). Remove the comment.',
      span: '// latest',
    });
  });

  it('names curly quotes pasted from a document', () => {
    expect(failureOf('{"Sid": \u201cRead\u201d}')?.message).toBe(
      'Parsing error: Unexpected character "\u201c" (U+201C). ' +
        'JSON needs straight double quotes (").',
    );
  });

  it('says a file that ends early may be truncated, at its end', () => {
    const text = '{"Statement": [{"Effect": "Allow"';
    const { failure } = parseJson(text);
    expect(failure).toMatchObject({
      message: 'Parsing error: The document ends before it is complete; ' +
        'the file may be truncated.',
      start: text.length,
    });
  });

  it('says an empty file is empty, and one of white space holds only that', () => {
    expect(failureOf('')?.message).toBe(
      'Parsing error: The file is empty; a policy document is a JSON object.',
    );
    expect(failureOf('  \n')?.message).toBe(
      'Parsing error: The file holds only white space; a policy document is a JSON object.',
    );
  });

  it('pinpoints a raw control character inside a string', () => {
    expect(failureOf('{"Sid": "a\u0001b"}')).toEqual({
      message: 'Parsing error: Control character U+0001 inside a string; write it as an ' +
        'escape such as \\n or \\t.',
      span: '\u0001',
    });
  });

  it('stops hostile nesting before the parser recurses into it', () => {
    const text = `{"Statement": ${'['.repeat(10_000)}${']'.repeat(10_000)}}`;
    const { root, failure } = parseJson(text);
    expect(failure?.message).toBe(
      `Parsing error: Nesting deeper than ${MAX_NESTING_DEPTH} levels; ` +
        'no IAM policy is nested this deep.',
    );
    // The bracket that opens level 65: the root object is level 1.
    expect(failure?.start).toBe('{"Statement": '.length + MAX_NESTING_DEPTH - 1);
    expect(root?.type).toBe('object');
  });

  it('ignores brackets inside strings when measuring depth', () => {
    expect(parseJson(`{"Sid": "${'['.repeat(200)}"}`).failure).toBeUndefined();
  });

  // An account id typed as a number: JSON forbids the leading zero.
  it('names a leading zero and the quoted fix', () => {
    expect(failureOf('{"Principal": {"AWS": 012345678901}}')).toEqual({
      message: 'Parsing error: Number 012345678901 starts with 0, which JSON does not allow. ' +
        'Write account ids as strings, e.g. "012345678901".',
      span: '012345678901',
    });
    expect(failureOf('[10 2]')?.message).toBe('Parsing error: Expected "," between values.');
  });

  it('reports content after the document', () => {
    expect(failureOf('{} {}')).toEqual({
      message: 'Parsing error: Unexpected content after the end of the JSON document.',
      span: '{',
    });
  });
});
