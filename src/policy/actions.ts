/**
 * Action names and patterns. Service prefixes and action names are case-insensitive, and
 * `*` and `?` match any run of characters and any one character.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_action.html
 */

import type { Statement } from './document.js';

/**
 * Wildcard matching without regular expressions: the classic two-pointer walk that returns to
 * the last `*` on a mismatch. It is O(pattern × name) at worst, so a hostile pattern such as
 * `*a*a*a*…x` cannot make it backtrack exponentially, as a compiled `.*` chain would.
 */
export function patternMatches(pattern: string, name: string): boolean {
  const wanted = pattern.toLowerCase();
  const actual = name.toLowerCase();
  if (!wanted.includes('*') && !wanted.includes('?')) return wanted === actual;

  let patternIndex = 0;
  let nameIndex = 0;
  let lastStar = -1;
  let resumeAt = 0;
  while (nameIndex < actual.length) {
    const want = wanted[patternIndex];
    if (want === '?' || (want !== undefined && want !== '*' && want === actual[nameIndex])) {
      patternIndex++;
      nameIndex++;
    } else if (want === '*') {
      lastStar = patternIndex++;
      resumeAt = nameIndex;
    } else if (lastStar !== -1) {
      // Let the last star swallow one more character and try again from there.
      patternIndex = lastStar + 1;
      nameIndex = ++resumeAt;
    } else {
      return false;
    }
  }
  while (wanted[patternIndex] === '*') patternIndex++;
  return patternIndex === wanted.length;
}

/**
 * Whether the statement's Action, or the complement of its NotAction, includes `action`.
 * A statement without either element grants nothing.
 */
export function statementCoversAction(statement: Statement, action: string): boolean {
  if (statement.action) {
    return statement.action.strings.some(pattern => patternMatches(pattern.value, action));
  }
  if (statement.notAction) {
    return !statement.notAction.strings.some(pattern => patternMatches(pattern.value, action));
  }
  return false;
}
