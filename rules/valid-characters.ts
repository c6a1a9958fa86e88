/**
 * Flags characters that IAM rejects, and files whose encoding garbles what AWS receives.
 * A policy document may hold only tab, LF, CR and U+0020 to U+00FF (the PolicyDocument
 * pattern of CreatePolicy, also stated on the IAM quotas page):
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreatePolicy.html
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html
 */

import { createRule } from '../src/engine/rule.js';
import { describeCodePoint } from '../src/engine/describe-char.js';
import type { Encoding } from '../src/engine/source-file.js';
import { POLICY_KINDS } from '../src/policy/kind.js';

export type MessageIds =
  | 'unsupportedCharacter'
  | 'lookAlikeCharacter'
  | 'invisibleCharacter'
  | 'controlCharacter'
  | 'invalidUtf8'
  | 'byteOrderMark'
  | 'fileEncoding';

export type Options = Record<string, never>;

type Category = 'control' | 'unsupported' | 'invalidUtf8';

interface Run {
  category: Category;
  start: number;
  end: number;
  codePoints: number[];
}

const ALLOWED_SET = 'only tab, LF, CR and U+0020 to U+00FF';

/** The longest run quoted in a message; the finding's range still covers all of it. */
const MAX_QUOTED = 32;

const ENCODING_NAMES: Record<Encoding, string> = {
  'utf-8': 'UTF-8',
  'utf-16le': 'UTF-16 LE',
  'utf-16be': 'UTF-16 BE',
  'utf-32le': 'UTF-32 LE',
  'utf-32be': 'UTF-32 BE',
};

/**
 * ASCII stand-ins for characters that word processors and chat tools put in place of plain
 * ones. A double quote becomes an escaped quote, as it always sits inside a JSON string here.
 */
const LOOK_ALIKES = new Map<number, string>([
  [0x2018, "'"],
  [0x2019, "'"],
  [0x201a, "'"],
  [0x201b, "'"],
  [0x2032, "'"],
  [0x201c, '\\"'],
  [0x201d, '\\"'],
  [0x201e, '\\"'],
  [0x201f, '\\"'],
  [0x2033, '\\"'],
  [0x2010, '-'],
  [0x2011, '-'],
  [0x2012, '-'],
  [0x2013, '-'],
  [0x2014, '-'],
  [0x2015, '-'],
  [0x2212, '-'],
  [0x2026, '...'],
  // Spaces of other widths, including the narrow no-break space.
  ...[0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007, 0x2008, 0x2009, 0x200a,
    0x202f, 0x205f, 0x3000].map(code => [code, ' '] as [number, string]),
  // Zero-width characters stand for nothing, so their replacement is to delete them.
  ...[0x200b, 0x200c, 0x200d, 0x2060, 0xfeff].map(code => [code, ''] as [number, string]),
]);

export default createRule<MessageIds, Options>({
  id: 'valid-characters',
  meta: {
    description: 'Disallow characters and file encodings that IAM does not accept',
    kinds: POLICY_KINDS,
    defaultSeverity: 'error',
    messages: {
      unsupportedCharacter:
        `Character {{char}} is not one IAM accepts (${ALLOWED_SET}), so AWS rejects the ` +
        'policy. Write "{{text}}" in ASCII or Latin-1 instead.',
      lookAlikeCharacter:
        `Character {{char}} is not one IAM accepts (${ALLOWED_SET}), so AWS rejects the ` +
        'policy. Replace "{{text}}" with "{{replacement}}".',
      invisibleCharacter:
        `Invisible character {{char}} is not one IAM accepts (${ALLOWED_SET}), so AWS ` +
        'rejects the policy. Delete it and any invisible characters right after it.',
      controlCharacter:
        `Control character {{char}} is not one IAM accepts (${ALLOWED_SET}), so AWS ` +
        'rejects the policy. Delete it and any control characters right after it.',
      invalidUtf8:
        'The file has bytes that are not valid UTF-8 here, shown as U+FFFD; what AWS ' +
        'receives is not what was written. Re-save the file as UTF-8 and retype this text.',
      byteOrderMark:
        'The file starts with a byte order mark (U+FEFF); a tool that uploads the file as it ' +
        'is sends the mark too, and IAM rejects it. Save the file as UTF-8 without a BOM.',
      fileEncoding:
        'The file is encoded as {{encoding}}, not UTF-8; most tools that upload policies read ' +
        'files as UTF-8 and would send garbled text. Re-save it as UTF-8 without a BOM.',
    },
    schema: { type: 'object', properties: {}, additionalProperties: false },
    defaultOptions: {},
    recommended: true,
  },

  check({ document, report }) {
    const { node, source } = document;
    const { encoding, hasBom, invalidUtf8Offsets } = source.encodingFacts;
    // A file holds one encoding: report it on the bare policy, not once per document.
    const isWholeFile = document.path.length === 0;

    if (isWholeFile && encoding !== 'utf-8') {
      // A UTF-16 or UTF-32 BOM is part of the encoding finding, not a second problem.
      report({ start: 0, end: 0 }, 'fileEncoding', { encoding: ENCODING_NAMES[encoding] });
    } else if (isWholeFile && hasBom) {
      report({ start: 0, end: 0 }, 'byteOrderMark');
    }

    const invalidOffsets = new Set(invalidUtf8Offsets);
    const runs = findRuns(source.text, node.offset, node.offset + node.length, invalidOffsets);
    for (const run of runs) {
      const range = { start: run.start, end: run.end };
      const [first = 0] = run.codePoints;
      if (run.category === 'invalidUtf8') {
        report(range, 'invalidUtf8');
        continue;
      }
      if (run.category === 'control') {
        report(range, 'controlCharacter', { char: describeCodePoint(first) });
        continue;
      }

      const char = describeCodePoint(first);
      const replacement = lookAlikeReplacement(run.codePoints);
      if (replacement === '') {
        report(range, 'invisibleCharacter', { char });
      } else if (replacement !== undefined) {
        report(range, 'lookAlikeCharacter', { char, text: quote(run.codePoints), replacement });
      } else {
        report(range, 'unsupportedCharacter', { char, text: quote(run.codePoints) });
      }
    }
  },
});

/**
 * Groups adjacent offending characters of one category into runs. A run never crosses a
 * line: U+2028 and U+2029 end the line they are on, so a run stops after them.
 */
function findRuns(
  text: string,
  start: number,
  end: number,
  invalidOffsets: ReadonlySet<number>,
): Run[] {
  const runs: Run[] = [];
  let current: Run | undefined;

  for (let offset = start; offset < end; ) {
    // Skip the common case, printable Latin-1, without decoding a code point.
    const unit = text.charCodeAt(offset);
    if (unit >= 0x20 && unit <= 0xff) {
      current = undefined;
      offset++;
      continue;
    }

    const codePoint = text.codePointAt(offset) ?? 0;
    const width = codePoint > 0xffff ? 2 : 1;
    const category = categorize(codePoint, invalidOffsets.has(offset));

    if (category === undefined) {
      current = undefined;
    } else if (current?.category === category) {
      current.end = offset + width;
      current.codePoints.push(codePoint);
    } else {
      current = { category, start: offset, end: offset + width, codePoints: [codePoint] };
      runs.push(current);
    }

    if (codePoint === 0x2028 || codePoint === 0x2029) current = undefined;
    offset += width;
  }
  return runs;
}

/** Why IAM rejects a character, or undefined when it accepts it. */
function categorize(codePoint: number, isInvalidUtf8: boolean): Category | undefined {
  if (codePoint === 0x09 || codePoint === 0x0a || codePoint === 0x0d) return undefined;
  if (codePoint < 0x20) return 'control';
  if (codePoint <= 0xff) return undefined;
  return isInvalidUtf8 ? 'invalidUtf8' : 'unsupported';
}

/**
 * The ASCII text for a run made only of look-alikes, or undefined if any has none; cut
 * after as many characters as `quote` shows, so the two read side by side.
 */
function lookAlikeReplacement(codePoints: readonly number[]): string | undefined {
  if (!codePoints.every(codePoint => LOOK_ALIKES.has(codePoint))) return undefined;
  const shown = codePoints.slice(0, MAX_QUOTED).map(codePoint => LOOK_ALIKES.get(codePoint));
  return shown.join('') + (codePoints.length > MAX_QUOTED ? '...' : '');
}

function quote(codePoints: readonly number[]): string {
  const shown = String.fromCodePoint(...codePoints.slice(0, MAX_QUOTED));
  return codePoints.length > MAX_QUOTED ? `${shown}...` : shown;
}
