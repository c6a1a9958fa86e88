/**
 * The Condition block, flattened to one entry per operator and key, with the operator split
 * into its set qualifier, base operator and IfExists suffix.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html
 */

import type { Statement } from './document.js';
import { isBroadValue } from './condition-values.js';
import { type JsonNode, arrayOrSingle, lastPropertiesOf } from './json-node.js';

export interface ConditionValue {
  value: string | number | boolean | null;
  node: JsonNode;
}

export interface ConditionEntry {
  operator: string;
  operatorNode: JsonNode;
  qualifier: 'ForAllValues' | 'ForAnyValue' | undefined;
  /** The operator without qualifier or IfExists, e.g. "StringEquals". */
  baseOperator: string;
  ifExists: boolean;
  key: string;
  keyNode: JsonNode;
  values: ConditionValue[];
}

/** A repeated operator or key counts once, with its last value, as IAM reads it. */
export function conditionEntries(statement: Statement): ConditionEntry[] {
  const entries: ConditionEntry[] = [];
  for (const block of lastPropertiesOf(statement.condition?.value)) {
    const { qualifier, baseOperator, ifExists } = splitOperator(block.name);
    for (const keyProperty of lastPropertiesOf(block.value)) {
      entries.push({
        operator: block.name,
        operatorNode: block.key,
        qualifier,
        baseOperator,
        ifExists,
        key: keyProperty.name,
        keyNode: keyProperty.key,
        values: arrayOrSingle(keyProperty.value)
          .filter(node => node.type !== 'object' && node.type !== 'array')
          .map(node => ({ value: node.value as ConditionValue['value'], node })),
      });
    }
  }
  return entries;
}

function splitOperator(operator: string) {
  const qualifierMatch = /^(ForAllValues|ForAnyValue):/iu.exec(operator);
  const qualifierName = qualifierMatch?.[1]?.toLowerCase();
  const qualifier = qualifierName === 'forallvalues'
    ? 'ForAllValues'
    : qualifierName === 'foranyvalue'
      ? 'ForAnyValue'
      : undefined;
  const withoutQualifier = operator.slice(qualifierMatch?.[0].length ?? 0);
  const ifExists = /IfExists$/iu.test(withoutQualifier);
  const baseOperator = ifExists ? withoutQualifier.slice(0, -'IfExists'.length) : withoutQualifier;
  return { qualifier, baseOperator, ifExists } as const;
}

export function keyIs(entry: ConditionEntry, key: string): boolean {
  return entry.key.toLowerCase() === key.toLowerCase();
}

export interface MatchContext {
  /**
   * The key is in every request the statement is judged for (iam:PassedToService in a
   * PassRole call), so IfExists and ForAllValues cannot pass on its absence.
   */
  keyAlwaysPresent?: boolean;
}

/**
 * Whether the entry can only be true when the key is present and matches: negated
 * operators, IfExists, Null and ForAllValues are all true for a caller who sends no value.
 */
export function requiresMatch(entry: ConditionEntry, context: MatchContext = {}): boolean {
  const base = entry.baseOperator.toLowerCase();
  if (base.includes('not') || base === 'null') return false;
  if (context.keyAlwaysPresent) return true;
  return !entry.ifExists && entry.qualifier !== 'ForAllValues';
}

/** The entry requires a match and none of its values lets nearly everyone through. */
export function pinsValue(entry: ConditionEntry, context: MatchContext = {}): boolean {
  return requiresMatch(entry, context) &&
    entry.values.length > 0 &&
    entry.values.every(item => !isBroadValue(entry, item.value));
}
