/**
 * Action names and patterns. Service prefixes and action names are case-insensitive, and
 * `*` and `?` match any run of characters and any one character.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_action.html
 */

import type { Statement } from './document.js';

const compiledPatterns = new Map<string, RegExp>();

export function patternMatches(pattern: string, name: string): boolean {
  let regex = compiledPatterns.get(pattern);
  if (regex === undefined) {
    const source = pattern
      .split(/([*?])/u)
      .map(part => (part === '*' ? '.*' : part === '?' ? '.' : escapeRegExp(part)))
      .join('');
    regex = new RegExp(`^${source}$`, 'isu');
    if (compiledPatterns.size > 10_000) compiledPatterns.clear();
    compiledPatterns.set(pattern, regex);
  }
  return regex.test(name);
}

function escapeRegExp(text: string): string {
  // Only syntax characters may be escaped in a `u` regular expression; "-" must not be.
  return text.replace(/[\\^$.*+?()[\]{}|/]/gu, '\\$&');
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
