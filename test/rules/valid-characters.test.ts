import { parseTree } from 'jsonc-parser';
import { describe, expect, it } from 'vitest';
import rule from '../../rules/valid-characters.js';
import { lintSource } from '../../src/engine/lint.js';
import type { MessageData } from '../../src/engine/rule.js';
import { createSourceFile, decodeBytes } from '../../src/engine/source-file.js';
import { positionAt } from '../../src/engine/positions.js';
import { createDocument } from '../../src/policy/document.js';
import { runRuleTests } from '../rule-tester.js';

/** A one-statement policy whose Resource is `resource`: `arn:aws:s3:::` fills columns 69-81. */
function withResource(resource: string): string {
  return `{"Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"${resource}"}]}`;
}

const ALLOWED = 'only tab, LF, CR and U+0020 to U+00FF';

runRuleTests(rule, {
  valid: [
    withResource('arn:aws:s3:::reports/*'),
    // Latin-1 letters and the no-break space (U+00A0) are within what IAM accepts.
    withResource('arn:aws:s3:::café/naïve\u00a0ÿ/*'),
    // Tabs and CRLF line ends are allowed.
    '{\r\n\t"Statement": [{"Effect": "Deny", "Action": "*", "Resource": "*"}]\r\n}',
    // An escape is written in ASCII, and the character pattern applies to the text as sent.
    withResource(String.raw`arn:aws:s3:::r\u2019s/*`),
  ],
  invalid: [
    // A curly apostrophe pasted from a document: the ASCII one is suggested.
    {
      code: withResource('arn:aws:s3:::team’s-notes/*'),
      errors: [
        {
          messageId: 'lookAlikeCharacter',
          data: { char: '"’" (U+2019)', text: '’', replacement: "'" },
          line: 1,
          column: 86,
          endLine: 1,
          endColumn: 87,
        },
      ],
    },
    // Curly double quotes inside a string become escaped straight quotes; not adjacent, so
    // each is its own finding.
    {
      code: '{"Statement":{"Effect":"Allow","Action":"s3:GetObject","Resource":"*",' +
        '"Condition":{"StringEquals":{"aws:PrincipalTag/team":"“ops”"}}}}',
      errors: [
        {
          messageId: 'lookAlikeCharacter',
          data: { char: '"“" (U+201C)', text: '“', replacement: '\\"' },
          line: 1,
          column: 125,
          endLine: 1,
          endColumn: 126,
        },
        {
          messageId: 'lookAlikeCharacter',
          data: { char: '"”" (U+201D)', text: '”', replacement: '\\"' },
          line: 1,
          column: 129,
          endLine: 1,
          endColumn: 130,
        },
      ],
    },
    // An en dash followed by an ellipsis: one run, one replacement for the whole of it.
    {
      code: withResource('arn:aws:s3:::logs–…'),
      errors: [
        {
          messageId: 'lookAlikeCharacter',
          data: { char: '"–" (U+2013)', text: '–…', replacement: '-...' },
          line: 1,
          column: 86,
          endLine: 1,
          endColumn: 88,
        },
      ],
    },
    // An em space looks like a space and is replaced by one.
    {
      code: withResource('arn:aws:s3:::a\u2003b'),
      errors: [
        {
          messageId: 'lookAlikeCharacter',
          data: { char: 'U+2003', text: '\u2003', replacement: ' ' },
          line: 1,
          column: 83,
          endLine: 1,
          endColumn: 84,
        },
      ],
    },
    // A zero-width space is invisible in the editor and only needs deleting.
    {
      code: '{"Statement":[{"Effect":"Allow","Action":"s3:Get\u200bObject","Resource":"*"}]}',
      errors: [
        {
          messageId: 'invisibleCharacter',
          data: { char: '"\u200b" (U+200B)' },
          line: 1,
          column: 49,
          endLine: 1,
          endColumn: 50,
        },
      ],
    },
    // An emoji is a surrogate pair: one character, two columns, named by its code point.
    {
      code: withResource('arn:aws:s3:::memes/🚀/*'),
      errors: [
        {
          messageId: 'unsupportedCharacter',
          data: { char: '"🚀" (U+1F680)', text: '🚀' },
          line: 1,
          column: 88,
          endLine: 1,
          endColumn: 90,
        },
      ],
    },
    // A run of CJK characters is one finding, named by its first character.
    {
      code: withResource('arn:aws:s3:::报告/2024/*'),
      errors: [
        {
          messageId: 'unsupportedCharacter',
          data: { char: '"报" (U+62A5)', text: '报告' },
          line: 1,
          column: 82,
          endLine: 1,
          endColumn: 84,
        },
      ],
    },
    // A run that mixes look-alikes with other characters gets no ASCII suggestion.
    {
      code: withResource('arn:aws:s3:::’报/*'),
      errors: [
        {
          messageId: 'unsupportedCharacter',
          data: { char: '"’" (U+2019)', text: '’报' },
          line: 1,
          column: 82,
          endLine: 1,
          endColumn: 84,
        },
      ],
    },
    // A long run is quoted up to 32 characters; the range still covers all of it.
    {
      code: withResource(`arn:aws:s3:::${'中'.repeat(40)}`),
      errors: [
        {
          messageId: 'unsupportedCharacter',
          data: { char: '"中" (U+4E2D)', text: `${'中'.repeat(32)}...` },
          line: 1,
          column: 82,
          endLine: 1,
          endColumn: 122,
        },
      ],
    },
    // Runs stop at a line end: U+2028 ends its line, so two in a row are two findings.
    {
      code: withResource('arn:aws:s3:::a\u2028\u2028b'),
      errors: [
        {
          messageId: 'unsupportedCharacter',
          data: { char: 'U+2028', text: '\u2028' },
          line: 1,
          column: 83,
          endLine: 2,
          endColumn: 1,
        },
        {
          messageId: 'unsupportedCharacter',
          data: { char: 'U+2028', text: '\u2028' },
          line: 2,
          column: 1,
          endLine: 3,
          endColumn: 1,
        },
      ],
    },
    // A byte order mark handed in as text is reported once, at the start of the file.
    {
      code: `\ufeff${withResource('*')}`,
      errors: [
        { messageId: 'byteOrderMark', line: 1, column: 1, endLine: 1, endColumn: 1 },
      ],
    },
  ],
});

interface Reported {
  messageId: string;
  data?: MessageData;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** Lints a file given as bytes, the way the CLI reads it from disk. */
function lintBytes(bytes: Uint8Array): Reported[] {
  const { text, encodingFacts } = decodeBytes(bytes);
  const source = createSourceFile('policy.json', text, encodingFacts);
  const result = lintSource(source, { rules: [{ rule, severity: 2, options: {} }] });
  for (const finding of result.findings) expect(finding.message).not.toContain('{{');
  return result.findings.map(({ messageId = '', data, line, column, endLine, endColumn }) => ({
    messageId,
    ...(data ? { data } : {}),
    line,
    column,
    endLine,
    endColumn,
  }));
}

/**
 * Runs the rule on a tree the parser only partly accepted, to reach characters that make
 * JSON invalid. `policyPath` picks a document inside a container.
 */
function checkDirectly(text: string, policyPath: string[] = []): Reported[] {
  const source = createSourceFile('policy.json', text);
  let node = parseTree(source.text, []);
  for (const name of policyPath) {
    node = node?.children?.find(property => property.children?.[0]?.value === name)
      ?.children?.[1];
  }
  if (node === undefined) throw new Error('no document node');
  const document = createDocument(source, node, 'managed', policyPath);
  const reported: Reported[] = [];
  rule.check({
    document,
    options: {},
    report(target, messageId, data) {
      const range = 'start' in target
        ? target
        : { start: target.offset, end: target.offset + target.length };
      const start = positionAt(source.lineStarts, range.start);
      const end = positionAt(source.lineStarts, range.end);
      reported.push({
        messageId,
        ...(data ? { data } : {}),
        line: start.line,
        column: start.column,
        endLine: end.line,
        endColumn: end.column,
      });
    },
  });
  return reported;
}

const POLICY = withResource('*');
const at1 = { line: 1, column: 1, endLine: 1, endColumn: 1 };

/** UTF-16 bytes of `text`, optionally big-endian, optionally after a BOM. */
function utf16(text: string, { bigEndian = false, bom = false } = {}): Uint8Array {
  const units = `${bom ? '\ufeff' : ''}${text}`;
  const bytes = new Uint8Array(units.length * 2);
  for (let index = 0; index < units.length; index++) {
    const unit = units.charCodeAt(index);
    bytes[index * 2 + (bigEndian ? 1 : 0)] = unit & 0xff;
    bytes[index * 2 + (bigEndian ? 0 : 1)] = unit >> 8;
  }
  return bytes;
}

describe('valid-characters on encodings', () => {
  // Notepad's "Unicode": UTF-16 LE with a BOM. One finding names the encoding, none the BOM.
  it('names UTF-16 LE with a BOM once, as an encoding', () => {
    expect(lintBytes(utf16(POLICY, { bom: true }))).toEqual([
      { messageId: 'fileEncoding', data: { encoding: 'UTF-16 LE' }, ...at1 },
    ]);
  });

  // PowerShell's "BigEndianUnicode" without a BOM is recognised from its NUL bytes.
  it('names UTF-16 BE without a BOM', () => {
    expect(lintBytes(utf16(POLICY, { bigEndian: true }))).toEqual([
      { messageId: 'fileEncoding', data: { encoding: 'UTF-16 BE' }, ...at1 },
    ]);
  });

  // The characters of a UTF-16 file are still checked once decoded.
  it('still checks the characters of a UTF-16 file', () => {
    const bytes = utf16(withResource('arn:aws:s3:::team’s/*'), { bom: true });
    expect(lintBytes(bytes)).toEqual([
      { messageId: 'fileEncoding', data: { encoding: 'UTF-16 LE' }, ...at1 },
      {
        messageId: 'lookAlikeCharacter',
        data: { char: '"’" (U+2019)', text: '’', replacement: "'" },
        line: 1,
        column: 86,
        endLine: 1,
        endColumn: 87,
      },
    ]);
  });

  // UTF-32 without a BOM is recognised from the three NUL bytes after each ASCII byte.
  it('names UTF-32', () => {
    const bytes = new Uint8Array(POLICY.length * 4);
    for (let index = 0; index < POLICY.length; index++) {
      bytes[index * 4] = POLICY.charCodeAt(index);
    }
    expect(lintBytes(bytes)).toEqual([
      { messageId: 'fileEncoding', data: { encoding: 'UTF-32 LE' }, ...at1 },
    ]);
  });

  // Windows tools often write a UTF-8 BOM; the first real character is at 1:1.
  it('reports a UTF-8 byte order mark', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(POLICY)]);
    expect(lintBytes(bytes)).toEqual([{ messageId: 'byteOrderMark', ...at1 }]);
  });

  // Latin-1 bytes in a UTF-8 file (an "é" saved by an old editor, then two in a row): one
  // finding per run, and none for the U+FFFD that stands in for them.
  it('reports runs of invalid UTF-8 bytes, not the replacement characters', () => {
    const encode = (text: string) => [...new TextEncoder().encode(text)];
    const bytes = new Uint8Array([
      ...encode(withResource('arn:aws:s3:::caf#').split('#')[0] ?? ''),
      0xe9,
      ...encode('/x'),
      0xe9,
      0xe8,
      ...encode('"}]}'),
    ]);
    expect(lintBytes(bytes)).toEqual([
      { messageId: 'invalidUtf8', line: 1, column: 85, endLine: 1, endColumn: 86 },
      { messageId: 'invalidUtf8', line: 1, column: 88, endLine: 1, endColumn: 90 },
    ]);
  });

  // A U+FFFD written on purpose in a valid UTF-8 file is just a character IAM rejects.
  it('reports a real U+FFFD as a character', () => {
    expect(lintBytes(new TextEncoder().encode(withResource('arn:aws:s3:::\ufffd')))).toEqual([
      {
        messageId: 'unsupportedCharacter',
        data: { char: '"\ufffd" (U+FFFD)', text: '\ufffd' },
        line: 1,
        column: 82,
        endLine: 1,
        endColumn: 83,
      },
    ]);
  });
});

describe('valid-characters on text the parser rejects', () => {
  // Raw control characters make JSON invalid, so lintSource never shows them to the rule;
  // if a lenient extractor ever does, NUL and SOH in a row are one finding.
  it('reports a run of control characters', () => {
    expect(checkDirectly('{"Sid":"a\u0000\u0001b","Effect":"Allow"}')).toEqual([
      {
        messageId: 'controlCharacter',
        data: { char: 'U+0000' },
        line: 1,
        column: 10,
        endLine: 1,
        endColumn: 12,
      },
    ]);
  });

  it('reports vertical tab and form feed outside strings', () => {
    expect(checkDirectly('{\u000b"Effect":"Allow",\u000c"Sid":"x"}')).toEqual([
      {
        messageId: 'controlCharacter',
        data: { char: 'U+000B' },
        line: 1,
        column: 2,
        endLine: 1,
        endColumn: 3,
      },
      {
        messageId: 'controlCharacter',
        data: { char: 'U+000C' },
        line: 1,
        column: 20,
        endLine: 1,
        endColumn: 21,
      },
    ]);
  });

  // A document inside a container: only its own range is scanned, and the file-wide BOM is
  // left to the bare-file document.
  it('scans only the document it is given', () => {
    const text = '\ufeff{"Description":"team’s","Policy":{"Statement":[]}}';
    expect(checkDirectly(text, ['Policy'])).toEqual([]);
  });
});

describe('valid-characters messages', () => {
  it('names the character, the allowed set and the fix', () => {
    const source = createSourceFile('policy.json', withResource('arn:aws:s3:::team’s/*'));
    const [finding] = lintSource(source, { rules: [{ rule, severity: 2, options: {} }] }).findings;
    expect(finding?.message).toBe(
      `Character "’" (U+2019) is not one IAM accepts (${ALLOWED}), so AWS rejects the ` +
        `policy. Replace "’" with "'".`,
    );
  });
});
