/** How messages name a character: `"x"` for ASCII, `"’" (U+2019)` beyond, code alone when
 * the character prints as nothing (controls, surrogate halves, white space). */

export function describeCodePoint(codePoint: number): string {
  const code = `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
  const char = String.fromCodePoint(codePoint);
  const invisible = codePoint <= 0x20 ||
    (codePoint >= 0x7f && codePoint < 0xa0) ||
    (codePoint >= 0xd800 && codePoint <= 0xdfff) ||
    /\s/u.test(char);
  if (invisible) return code;
  return codePoint < 0x7f ? `"${char}"` : `"${char}" (${code})`;
}
