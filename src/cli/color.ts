/**
 * Whether to colour output: --color/--no-color first, then NO_COLOR (https://no-color.org)
 * and FORCE_COLOR, then whether stdout is a terminal.
 */

export function shouldUseColor(
  flag: boolean | undefined,
  env: NodeJS.ProcessEnv,
  isTty: boolean,
): boolean {
  if (flag !== undefined) return flag;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined) return !['0', 'false'].includes(env.FORCE_COLOR);
  return isTty;
}
