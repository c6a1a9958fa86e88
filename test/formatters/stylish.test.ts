import { describe, expect, it } from 'vitest';
import { lintSource } from '../../src/engine/lint.js';
import { createSourceFile } from '../../src/engine/source-file.js';
import { formatStylish } from '../../src/formatters/stylish.js';
import rule from '../../rules/no-wildcard-action.js';

const format = (text: string) => {
  const result = lintSource(createSourceFile('p.json', text), {
    rules: [{ rule, severity: 2, options: rule.meta.defaultOptions }],
  });
  return formatStylish([result], { cwd: '/', color: false, summary: { skippedFiles: 0 } });
};

describe('formatStylish', () => {
  // Minified policies are one long line: only a window around the token is shown.
  it('shows a window of a long line with the caret under the token', () => {
    const padding = `"Sid":"${'x'.repeat(400)}",`;
    const text = `{"Statement":[{${padding}"Effect":"Allow","Action":"s3:*","Resource":"*"}]}`;
    const [, snippet = '', underline = ''] = format(text).split('\n');
    expect(snippet.startsWith('   1 | …xxx')).toBe(true);
    expect(snippet.endsWith('","Effect":"Allow","Action":"s3:*","Resource":"*"}]}')).toBe(true);
    expect(underline.indexOf('^')).toBe(snippet.indexOf('"s3:*"'));
    expect(underline.trimEnd().endsWith('^~~~~~')).toBe(true);
  });

  it('keeps tabs in the padding so the caret lines up in a terminal', () => {
    const text = '{\n\t"Statement": [{"Effect": "Allow", "Action": "s3:*", "Resource": "*"}]\n}';
    const lines = format(text).split('\n');
    expect(lines[1]).toBe(
      '   2 | \t"Statement": [{"Effect": "Allow", "Action": "s3:*", "Resource": "*"}]',
    );
    expect(lines[2]).toBe(`     | \t${' '.repeat(44)}^~~~~~`);
  });
});
