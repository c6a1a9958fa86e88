import { execFileSync } from 'node:child_process';
import { mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  CLEAN_POLICY,
  WARNING_POLICY,
  WILDCARD_POLICY,
  makeTree,
  messagesByFile,
  ruleIdsOf,
  runIn,
} from './cli-harness.js';

describe('iamlint CLI: discovery', () => {
  it('lints policies, skips other JSON silently and counts it', async () => {
    const cwd = makeTree({
      'iam/admin.json': WILDCARD_POLICY,
      'iam/read.json': CLEAN_POLICY,
      'package.json': '{"name": "app"}',
      'node_modules/dep/policy.json': WILDCARD_POLICY,
    });
    const { code, stdout, stderr } = await runIn(cwd, []);
    expect({ code, stderr }).toEqual({ code: 1, stderr: '' });
    expect(stdout).toBe(
      'iam/admin.json:1:65: error: Action "s3:*" allows every s3 action, including ones ' +
        'AWS adds later. List only the s3 actions this statement needs. ' +
        '[no-wildcard-action]\n' +
        '   1 | ' + WILDCARD_POLICY + '\n' +
        '     | ' + ' '.repeat(64) + '^~~~~~\n\n' +
        '✖ 1 problem (1 error, 0 warnings) in 1 of 2 policy files, ' +
        '1 other JSON file skipped.\n',
    );
  });

  it('follows git: ignored files are skipped unless named, untracked ones linted', async () => {
    const cwd = makeTree(
      {
        '.gitignore': 'build/\n',
        'build/generated.json': WILDCARD_POLICY,
        'policies/new.json': WILDCARD_POLICY,
        'vendor/readme.txt': 'not a policy',
      },
      { git: true },
    );
    // git lists a symbolic link to a folder as a file; it gets a finding, not a crash.
    symlinkSync(join(cwd, 'vendor'), join(cwd, 'linked.json'));
    const walked = await runIn(cwd, ['--format', 'json']);
    expect(ruleIdsOf(walked.stdout)).toEqual([
      ['linked.json', [null]],
      ['new.json', ['no-wildcard-action']],
    ]);
    expect(JSON.parse(walked.stdout)[0].messages[0].message).toBe(
      'Cannot lint: this is a directory, not a file.',
    );

    const named = await runIn(cwd, ['--format', 'json', 'build/generated.json']);
    expect(ruleIdsOf(named.stdout)).toEqual([['generated.json', ['no-wildcard-action']]]);
  });

  it('honours .gitignore outside a git work tree too', async () => {
    const cwd = makeTree({
      '.gitignore': 'out/\n',
      'out/a.json': WILDCARD_POLICY,
      'b.json': '{}',
    });
    const { code, stdout } = await runIn(cwd, ['--format', 'json']);
    expect({ code, results: JSON.parse(stdout) }).toEqual({ code: 0, results: [] });
  });

  it('applies the config: policy globs give a kind, ignores hold even for named files',
    async () => {
      const trust = '{"Statement":[{"Effect":"Allow","Principal":{"AWS":"111122223333"},' +
        '"Action":"sts:AssumeRole"}]}';
      const cwd = makeTree({
        'iamlint.config.json': JSON.stringify({
          policies: [{ files: 'roles/*.trust', kind: 'trust' }],
          ignores: ['legacy'],
        }),
        'roles/deploy.trust': trust,
        'legacy/old.json': WILDCARD_POLICY,
      });
      const { stdout, stderr } = await runIn(cwd, ['--format', 'json', '.', 'legacy/old.json']);
      expect(ruleIdsOf(stdout)).toEqual([['deploy.trust', ['require-external-id']]]);
      expect(stderr).toBe('iamlint: "legacy/old.json" is named but skipped by the config\'s ' +
        'ignores; pass --no-ignore to lint it.\n');
      const piped = await runIn(cwd, ['--stdin-filename', 'legacy/x.json', '-'], WILDCARD_POLICY);
      expect(piped).toMatchObject({ code: 0, stderr: expect.stringContaining('"legacy/x.json"') });

      const unignored = await runIn(cwd, ['--format', 'json', '--no-ignore', 'legacy/old.json']);
      expect(ruleIdsOf(unignored.stdout)).toEqual([['old.json', ['no-wildcard-action']]]);
    });

  // pre-commit passes every changed JSON file by name.
  it('skips named JSON that is no policy, but reports it when named with --kind', async () => {
    const cwd = makeTree({ 'package.json': '{"name": "app"}', 'tsconfig.json': '{/* c */}' });
    expect(await runIn(cwd, ['package.json'])).toEqual({
      code: 0,
      stdout: '✔ No problems in 0 policy files, 1 other JSON file skipped.\n',
      stderr: '',
    });
    // A named file that does not parse is always reported.
    expect((await runIn(cwd, ['tsconfig.json'])).stdout).toMatch(
      /^tsconfig\.json:1:2: error: Parsing error: Comments are not allowed/u,
    );
    expect((await runIn(cwd, ['--kind', 'managed', 'package.json'])).stdout).toMatch(
      /^package\.json:1:1: error: A policy document is a JSON object with "Version" and /u,
    );
  });

  // A quoted glob is expanded by iamlint itself, past git's ignores (the corpus run needs it).
  it('expands a glob argument, even inside ignored folders', async () => {
    const cwd = makeTree(
      { '.gitignore': 'out/\n', 'out/a.json': WILDCARD_POLICY, 'out/b.json': CLEAN_POLICY },
      { git: true },
    );
    const { stdout } = await runIn(cwd, ['-f', 'json', 'out/*.json']);
    expect(ruleIdsOf(stdout)).toEqual([
      ['a.json', ['no-wildcard-action']],
      ['b.json', []],
    ]);
  });

  it('walks a folder whose JSON git ignores when it is named', async () => {
    const cwd = makeTree(
      {
        '.gitignore': 'out/\ngenerated/*.json\n',
        'out/a.json': WILDCARD_POLICY,
        'generated/b.json': WILDCARD_POLICY,
        'generated/readme.md': 'tracked',
      },
      { git: true },
    );
    const { stdout } = await runIn(cwd, ['-f', 'json', 'out', 'generated']);
    expect(ruleIdsOf(stdout)).toEqual([
      ['a.json', ['no-wildcard-action']],
      ['b.json', ['no-wildcard-action']],
    ]);
  });

  it('says so when every file of a named folder is ignored by the config', async () => {
    const cwd = makeTree({
      'iamlint.config.json': '{"ignores": ["legacy/**"]}',
      'legacy/admin.json': WILDCARD_POLICY,
    });
    expect(await runIn(cwd, ['legacy'])).toEqual({
      code: 0,
      stdout: '✔ No problems in 0 policy files.\n',
      stderr: 'iamlint: "legacy/" is named but skipped by the config\'s ignores; ' +
        'pass --no-ignore to lint it.\n',
    });
  });

  // git never lists folders, so the walk outside git must not either.
  it('does not take a folder named like a JSON file for one outside git', async () => {
    const cwd = makeTree({ 'data.json/inner.json': '{"a": 1}', 'p.json': CLEAN_POLICY });
    expect((await runIn(cwd, [])).code).toBe(0);
  });

  it('lints symbolic links to files and reports broken ones, in and out of git', async () => {
    for (const git of [false, true]) {
      const cwd = makeTree({ 'policies/real.json': WILDCARD_POLICY }, { git });
      symlinkSync(join(cwd, 'policies/real.json'), join(cwd, 'policies/link.json'));
      symlinkSync(join(cwd, 'policies/missing.json'), join(cwd, 'policies/dangling.json'));
      symlinkSync(join(cwd, 'policies/loop.json'), join(cwd, 'policies/loop.json'));

      const { stdout } = await runIn(cwd, ['-f', 'json', 'policies']);
      const messages = messagesByFile(stdout, m => m.message);
      expect(Object.keys(messages).sort()).toEqual(
        ['dangling.json', 'link.json', 'loop.json', 'real.json'],
      );
      expect(messages['dangling.json']).toEqual([
        'Cannot read the file: it is a symbolic link to nothing.',
      ]);
      expect(messages['loop.json']).toEqual([
        'Cannot read the file: too many levels of symbolic links.',
      ]);
    }
  });

  it('exits 2 for a path that does not exist', async () => {
    const cwd = makeTree({ 'a.json': CLEAN_POLICY });
    expect(await runIn(cwd, ['a.json', 'missing.json'])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'iamlint: Nothing to lint at "missing.json": no such file, folder or glob ' +
        'match.\nRun "iamlint --help" for usage.\n',
    });
  });
});

describe('iamlint CLI: bad input never stops the other files', () => {
  const files: Record<string, string | Uint8Array> = {
    'truncated.json': '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Act',
    'trailing-comma.json': '{"Version": "2012-10-17", "Statement": [],}',
    'bom.json': new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(CLEAN_POLICY)]),
    'utf16.json': new Uint8Array([0xff, 0xfe, ...Buffer.from(WILDCARD_POLICY, 'utf16le')]),
    'array.json': `[${CLEAN_POLICY}]`,
    'deep.json': `{"Statement": ${'['.repeat(10_000)}${']'.repeat(10_000)}}`,
    'empty.json': '',
    'admin.json': WILDCARD_POLICY,
  };

  it('gives each file one clear finding at the right place', async () => {
    const cwd = makeTree(files);
    mkdirSync(join(cwd, 'dir.json'));
    execFileSync('mkfifo', [join(cwd, 'pipe.json')]);
    const names = [...Object.keys(files), 'dir.json', 'pipe.json'];

    const { code, stdout, stderr } = await runIn(cwd, ['--format', 'json', ...names]);
    expect({ code, stderr }).toEqual({ code: 1, stderr: '' });

    const byFile = messagesByFile(
      stdout,
      m => `${m.line}:${m.column} ${m.ruleId ?? 'fatal'}: ${m.message}`,
    );
    expect(byFile['truncated.json']).toEqual([
      '1:65 fatal: Parsing error: The document ends before it is complete; ' +
        'the file may be truncated.',
    ]);
    expect(byFile['trailing-comma.json']).toEqual([
      '1:42 fatal: Parsing error: Trailing comma; JSON and AWS do not allow one. Remove it.',
    ]);
    expect(byFile['array.json']).toEqual([
      '1:1 fatal: A policy document is a JSON object with "Version" and "Statement"; ' +
        'this file holds an array.',
    ]);
    expect(byFile['deep.json']?.[0]).toMatch(/^1:78 fatal: Parsing error: Nesting deeper/u);
    expect(byFile['empty.json']).toEqual([
      '1:1 fatal: Parsing error: The file is empty; a policy document is a JSON object.',
    ]);
    expect(byFile['dir.json']).toEqual([
      '1:1 fatal: Nothing to lint: this folder holds no JSON or policy files.',
    ]);
    expect(byFile['pipe.json']).toEqual(['1:1 fatal: Cannot lint: this is not a regular file.']);
    expect(byFile['admin.json']).toEqual([
      expect.stringMatching(/^1:65 no-wildcard-action: /u),
    ]);
    // BOM and UTF-16 are named by valid-characters; the UTF-16 policy is still linted.
    const ruleIds = (name: string) =>
      byFile[name]?.map(message => message.split(' ')[1]);
    expect(ruleIds('bom.json')).toEqual(['valid-characters:']);
    expect(ruleIds('utf16.json')).toEqual(['valid-characters:', 'no-wildcard-action:']);
  });
});

describe('iamlint CLI: output and exit codes', () => {
  it('prints ESLint-shaped JSON', async () => {
    const cwd = makeTree({ 'admin.json': WILDCARD_POLICY });
    const [result] = JSON.parse((await runIn(cwd, ['-f', 'json'])).stdout);
    expect(result).toEqual({
      filePath: join(cwd, 'admin.json'),
      messages: [
        {
          ruleId: 'no-wildcard-action',
          severity: 2,
          message: 'Action "s3:*" allows every s3 action, including ones AWS adds later. ' +
            'List only the s3 actions this statement needs.',
          line: 1,
          column: 65,
          endLine: 1,
          endColumn: 71,
          messageId: 'wildcardService',
        },
      ],
      suppressedMessages: [],
      errorCount: 1,
      fatalErrorCount: 0,
      warningCount: 0,
      fixableErrorCount: 0,
      fixableWarningCount: 0,
      usedDeprecatedRules: [],
    });
  });

  // A policy can carry escape sequences meant to rewrite the reviewer's terminal.
  it('never prints control characters from policies or file names', async () => {
    const escaped = '{"Statement":[{"Effect":"Allow","Action":"\\u001b[2K\\r*:*",' +
      '"Resource":"*"}]}';
    const raw = '{"Statement":[{"Sid":"\u001b]0;x\u0007"}]}';
    const cwd = makeTree({ 'bad\u001b[31m.json': escaped, 'raw.json': raw });
    const { stdout } = await runIn(cwd, ['--no-color']);
    const controls = [...stdout].filter(char => char < ' ' && char !== '\n');
    expect(controls).toEqual([]);
    expect(stdout).toContain('bad\\x1B[31m.json:1:42: error: Action "\\x1B[2K\\x0D*:*"');
    expect(stdout).toContain('   1 | {"Statement":[{"Sid":"\uFFFD]0;x\uFFFD"}]}\n');
  });

  it('exits 0 when clean and says so', async () => {
    const cwd = makeTree({ 'read.json': CLEAN_POLICY });
    expect(await runIn(cwd, [])).toEqual({
      code: 0,
      stdout: '✔ No problems in 1 policy file.\n',
      stderr: '',
    });
  });

  it('passes warnings unless --max-warnings is exceeded; --quiet drops them', async () => {
    const cwd = makeTree({ 'scoped.json': WARNING_POLICY });
    expect((await runIn(cwd, [])).code).toBe(0);
    expect(await runIn(cwd, ['--max-warnings', '0', '-f', 'json'])).toMatchObject({
      code: 1,
      stderr: 'iamlint: 1 warning, more than --max-warnings 0 allows.\n',
    });
    expect(await runIn(cwd, ['--quiet', '--max-warnings', '0'])).toEqual({
      code: 0,
      stdout: '✔ No problems in 1 policy file.\n',
      stderr: '',
    });
  });

  it('reads stdin with a name, and forces a kind with --kind', async () => {
    const cwd = makeTree({});
    const trust = '{"Statement":[{"Effect":"Allow","Principal":{"AWS":"111122223333"},' +
      '"Action":"sts:*"}]}';
    const run = await runIn(cwd, ['--kind', 'trust', '--stdin-filename', 'role.json', '-'],
      trust);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^role\.json:1:52: error: .*\[require-external-id\]\n/u);
  });

  it('matches --stdin-filename against the config\'s policy globs', async () => {
    const cwd = makeTree({
      'iamlint.config.json': '{"policies": [{"files": "iam/*.json", "kind": "trust"}]}',
    });
    const trust = '{"Statement":[{"Effect":"Allow","Principal":{"AWS":"111122223333"},' +
      '"Action":"*"}]}';
    const run = await runIn(cwd, ['-f', 'json', '--stdin-filename', 'iam/x.json', '-'], trust);
    expect(ruleIdsOf(run.stdout)).toEqual([
      ['x.json', ['require-external-id', 'no-wildcard-action']],
    ]);
  });

  it('exits 2 with the offending key for a bad config', async () => {
    const cwd = makeTree({
      'iamlint.config.json': '{"rules": {"no-wildcard-actions": "error"}}',
      'a.json': CLEAN_POLICY,
    });
    expect(await runIn(cwd, [])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'iamlint: iamlint.config.json: rules.no-wildcard-actions is not a known rule; ' +
        'did you mean "no-wildcard-action"?\n',
    });
  });

  it('reads a config saved with a byte order mark, and ignores written as in .gitignore',
    async () => {
      const cwd = makeTree({
        'iamlint.config.json': new Uint8Array([
          0xef, 0xbb, 0xbf,
          ...new TextEncoder().encode('{"ignores": ["/legacy/", "old/"]}'),
        ]),
        'legacy/a.json': WILDCARD_POLICY,
        'old/b.json': WILDCARD_POLICY,
        'live/c.json': CLEAN_POLICY,
      });
      expect(await runIn(cwd, [])).toEqual({
        code: 0,
        stdout: '✔ No problems in 1 policy file, 1 other JSON file skipped.\n',
        stderr: '',
      });
    });

  it('exits 2 for bad options', async () => {
    const cwd = makeTree({});
    const run = await runIn(cwd, ['--format', 'xml']);
    expect(run).toEqual({
      code: 2,
      stdout: '',
      stderr: 'iamlint: --format "xml" is not a format; use stylish or json.\n' +
        'Run "iamlint --help" for usage.\n',
    });
    expect((await runIn(cwd, ['--bogus'])).code).toBe(2);
    expect((await runIn(cwd, ['--max-warnings', 'many'])).code).toBe(2);
    expect((await runIn(cwd, [''])).stderr).toMatch(/^iamlint: A path is empty/u);
    // Without "-" stdin would be ignored and the folder linted instead.
    expect((await runIn(cwd, ['--stdin-filename', 'p.json'])).stderr).toMatch(
      /^iamlint: --stdin-filename names the input read from stdin; add - to the paths\./u,
    );
  });

  it('prints its version and the data version', async () => {
    const run = await runIn(makeTree({}), ['--version']);
    expect(run.stdout).toMatch(/^iamlint \d+\.\d+\.\d+ \(IAM and Organizations size limits/u);
  });
});
