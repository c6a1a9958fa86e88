/**
 * Policy text, decoded escapes and file names reach the terminal. Control characters could
 * move the cursor or erase earlier lines, and bidirectional overrides could reorder what a
 * reviewer reads, so none of them is printed as it is.
 */

/* eslint-disable no-control-regex -- matching control characters is this file's job */

/** C0 and C1 controls (tab, LF and CR too) and the bidirectional embedding controls. */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu;

/** The same, but tab is kept: it lines the underline up with the source. */
const UNSAFE_IN_SOURCE =
  /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu;

/* eslint-enable no-control-regex */

/** For messages and paths: each unsafe character becomes a visible escape such as \x1B. */
export function escapeForTerminal(text: string): string {
  return text.replace(UNSAFE, char => {
    const code = char.charCodeAt(0);
    const hex = code.toString(16).toUpperCase();
    return code <= 0xff ? `\\x${hex.padStart(2, '0')}` : `\\u${hex.padStart(4, '0')}`;
  });
}

/** For source lines: one U+FFFD per unsafe character, so columns stay where they were. */
export function maskForTerminal(line: string): string {
  return line.replace(UNSAFE_IN_SOURCE, '\uFFFD');
}
