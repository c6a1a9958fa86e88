/** What a rule is: metadata, message templates, options, and a synchronous check. */

import type { PolicyDocument } from '../policy/document.js';
import type { JsonNode } from '../policy/json-node.js';
import type { PolicyKind } from '../policy/kind.js';
import type { JsonSchema } from '../config/json-schema.js';

export type RuleSeverity = 'warn' | 'error';

export type MessageData = Record<string, string | number>;

/** A node, or an explicit offset range in the document's source text. */
export type ReportTarget = JsonNode | { start: number; end: number };

export interface RuleMeta<MessageIds extends string, Options> {
  /** One imperative phrase: Disallow / Require / Enforce ..., no final period. */
  description: string;
  /** The kinds of document the rule checks. */
  kinds: readonly PolicyKind[];
  defaultSeverity: RuleSeverity;
  /** Templates with `{{name}}` placeholders filled from the report's data. */
  messages: Record<MessageIds, string>;
  /** Messages that stay warnings even when the rule is set to "error". */
  advisoryMessages?: readonly MessageIds[];
  schema: JsonSchema;
  defaultOptions: Options;
  recommended: boolean;
}

export interface RuleContext<MessageIds extends string, Options> {
  document: PolicyDocument;
  options: Options;
  report(target: ReportTarget, messageId: MessageIds, data?: MessageData): void;
}

export interface Rule<MessageIds extends string = string, Options = unknown> {
  id: string;
  meta: RuleMeta<MessageIds, Options>;
  check(context: RuleContext<MessageIds, Options>): void;
}

/** The base every rule's doc link starts with; a rule's page is named after its id. */
export const RULE_DOCS_BASE_URL = 'https://github.com/iamlint/iamlint/blob/main/docs/rules/';

export function ruleDocsUrl(ruleId: string): string {
  return `${RULE_DOCS_BASE_URL}${ruleId}.md`;
}

/** Identity function that lets TypeScript check message ids and options per rule. */
export function createRule<MessageIds extends string, Options>(
  rule: Rule<MessageIds, Options>,
): Rule<MessageIds, Options> {
  return rule;
}

// Rules are stored in one list whatever their option and message types.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the list erases each rule's types
export type AnyRule = Rule<string, any>;
