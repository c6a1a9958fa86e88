/**
 * Principal entries: `"*"` or a map from principal type to one value or a list.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html
 */

import type { Element } from './document.js';
import { type JsonNode, arrayOrSingle, isString, lastPropertiesOf } from './json-node.js';

export interface PrincipalEntry {
  /** "AWS", "Service", "Federated", "CanonicalUser", or "*" for the bare wildcard. */
  type: string;
  /** The value as written; a JSON number keeps its digits. */
  value: string;
  node: JsonNode;
}

/** A repeated principal type counts once, with its last value, as IAM reads it. */
export function principalEntries(element: Element | undefined): PrincipalEntry[] {
  const value = element?.value;
  if (isString(value)) return [{ type: '*', value: value.value, node: value }];

  const entries: PrincipalEntry[] = [];
  for (const property of lastPropertiesOf(value)) {
    for (const node of arrayOrSingle(property.value)) {
      if (node.type === 'string' || node.type === 'number') {
        entries.push({ type: property.name, value: String(node.value), node });
      }
    }
  }
  return entries;
}

/** `"*"` or `{"AWS": "*"}`: everyone, anonymous callers included. */
export function isEveryone(entry: PrincipalEntry): boolean {
  return (entry.type === '*' || entry.type === 'AWS') && entry.value === '*';
}

const ACCOUNT_ROOT_ARN = /^arn:aws[a-z-]*:iam::(\d{12}):root$/u;
const ACCOUNT_ID = /^\d{12}$/u;

/**
 * The account id when the entry names a whole account: its root ARN or a bare 12-digit id,
 * which AWS treats the same way.
 */
export function accountOf(entry: PrincipalEntry): string | undefined {
  if (entry.type !== 'AWS') return undefined;
  if (ACCOUNT_ID.test(entry.value)) return entry.value;
  return ACCOUNT_ROOT_ARN.exec(entry.value)?.[1];
}
