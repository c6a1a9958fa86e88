/**
 * Offsets to 1-based lines and columns, counted in UTF-16 code units as ESLint and SARIF
 * count them. Line breaks are the ones ESLint recognises, so both doors agree on positions.
 */

export interface Position {
  line: number;
  column: number;
}

const LINE_BREAK = /\r\n|[\r\n\u2028\u2029]/gu;

export function computeLineStarts(text: string): number[] {
  const starts = [0];
  for (const match of text.matchAll(LINE_BREAK)) {
    starts.push(match.index + match[0].length);
  }
  return starts;
}

/** Binary search for the line that holds `offset`; offsets past the end clamp to the end. */
export function positionAt(lineStarts: readonly number[], offset: number): Position {
  let low = 0;
  let high = lineStarts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if ((lineStarts[middle] ?? 0) <= offset) {
      low = middle;
    } else {
      high = middle - 1;
    }
  }
  return { line: low + 1, column: offset - (lineStarts[low] ?? 0) + 1 };
}
