/**
 * The engine's entry point: one source file in, its findings out. Synchronous, no I/O, no
 * printing, so the CLI, the ESLint plugin and the tests all call exactly this.
 */

import type { PolicyDocument } from '../policy/document.js';
import type { PolicyKind } from '../policy/kind.js';
import { extractDocuments, looksLikePolicy, textLooksLikePolicy } from './extract.js';
import {
  type Finding,
  type SeverityLevel,
  compareFindings,
  createFinding,
  fatalFinding,
  renderMessage,
} from './finding.js';
import { parseJson } from './parse.js';
import type { AnyRule, MessageData, ReportTarget } from './rule.js';
import type { SourceFile } from './source-file.js';

export interface RuleSetting {
  rule: AnyRule;
  severity: SeverityLevel;
  options: unknown;
}

export interface LintRequest {
  rules: readonly RuleSetting[];
  /** The kind of every document, from a config glob or --kind; otherwise read from content. */
  kind?: PolicyKind | undefined;
  /** Known to be a policy (a config glob, or named with --kind) whatever its content. */
  isPolicy?: boolean | undefined;
  /** Named by the user: a parse error is reported even if nothing parsed looks like a policy. */
  isExplicit?: boolean | undefined;
}

export interface FileResult {
  /** The file linted; `source.path` is the path shown to the user. */
  source: SourceFile;
  /** False for JSON that is not a policy (package.json, tsconfig.json): it is skipped. */
  isPolicy: boolean;
  documents: PolicyDocument[];
  findings: Finding[];
}

export function lintSource(source: SourceFile, request: LintRequest): FileResult {
  const notAPolicy: FileResult = { source, isPolicy: false, documents: [], findings: [] };
  const fatal = (finding: Finding): FileResult =>
    ({ source, isPolicy: true, documents: [], findings: [finding] });
  const { root, failure } = parseJson(source.text);

  if (failure) {
    const maybePolicy = looksLikePolicy(root) || textLooksLikePolicy(source.text);
    if (!request.isPolicy && !request.isExplicit && !maybePolicy) return notAPolicy;
    return fatal(fatalFinding(source, failure.message, failure.start, failure.end));
  }

  const isPolicyObject = root?.type === 'object' && looksLikePolicy(root);
  if (!isPolicyObject) {
    if (!request.isPolicy && !looksLikePolicy(root)) return notAPolicy;
    const message = `A policy document is a JSON object with "Version" and "Statement"; ` +
      `this file holds ${describeRoot(root?.type)}.`;
    return fatal(fatalFinding(source, message, root?.offset ?? 0, root?.offset ?? 0));
  }

  const documents = extractDocuments(source, root, request.kind);
  const findings = documents.flatMap(document => runRules(document, request.rules));
  findings.sort(compareFindings);
  return { source, isPolicy: true, documents, findings };
}

function describeRoot(type: string | undefined): string {
  switch (type) {
    case 'object':
      return 'an object with neither';
    case 'array':
      return 'an array';
    case undefined:
      return 'nothing';
    default:
      return `a ${type}`;
  }
}

function runRules(document: PolicyDocument, settings: readonly RuleSetting[]): Finding[] {
  const findings: Finding[] = [];
  for (const { rule, severity, options } of settings) {
    if (!rule.meta.kinds.includes(document.kind)) continue;

    const advisory: readonly string[] = rule.meta.advisoryMessages ?? [];
    const report = (target: ReportTarget, messageId: string, data?: MessageData) => {
      const { start, end } = rangeOf(target);
      const template = rule.meta.messages[messageId] ?? messageId;
      findings.push(
        createFinding(document.source, {
          ruleId: rule.id,
          messageId,
          ...(data ? { data } : {}),
          severity: advisory.includes(messageId) ? 1 : severity,
          message: renderMessage(template, data),
          start,
          end,
        }),
      );
    };

    try {
      rule.check({ document, options, report });
    } catch (error) {
      // A rule bug must not cost the user the other rules' findings or the other files.
      const reason = error instanceof Error ? error.message : String(error);
      const message = `Rule "${rule.id}" failed on this document (${reason}); ` +
        'please report it with the file.';
      const start = document.node.offset;
      findings.push(
        createFinding(document.source, {
          ruleId: rule.id,
          severity: 2,
          message,
          fatal: true,
          start,
          end: start,
        }),
      );
    }
  }
  return findings;
}

function rangeOf(target: ReportTarget): { start: number; end: number } {
  if ('start' in target) return target;
  return { start: target.offset, end: target.offset + target.length };
}
