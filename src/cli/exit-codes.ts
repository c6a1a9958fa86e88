/** The exit statuses are a contract with CI systems and pre-commit; ESLint uses the same. */

/** No errors, and warnings within --max-warnings. */
export const EXIT_OK = 0;

/** Lint errors (parse errors included), or more warnings than --max-warnings allows. */
export const EXIT_FINDINGS = 1;

/** Bad options, a bad config, or an internal failure. */
export const EXIT_USAGE = 2;
