/**
 * Policy kinds and how a document's kind is read from its content when neither the config
 * nor the command line names it.
 */

import { statementCoversAction } from './actions.js';
import type { Statement } from './document.js';

export const POLICY_KINDS = [
  'managed',
  'inline-user',
  'inline-group',
  'inline-role',
  'boundary',
  'trust',
  'resource',
  'scp',
  'rcp',
  'session',
] as const;

export type PolicyKind = (typeof POLICY_KINDS)[number];

/** Kinds whose Allow statements grant permissions to the identity they are attached to. */
export const IDENTITY_GRANT_KINDS: readonly PolicyKind[] = [
  'managed',
  'inline-user',
  'inline-group',
  'inline-role',
];

/**
 * Kinds whose Allow statements grant something. Boundaries, SCPs, RCPs and session policies
 * only cap what other policies grant, so an `Allow *` there opens nothing by itself.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies.html#access_policy-types
 */
export const GRANTING_KINDS: readonly PolicyKind[] = [
  ...IDENTITY_GRANT_KINDS,
  'trust',
  'resource',
];

/** Kinds whose statements name a principal. */
export const PRINCIPAL_KINDS: readonly PolicyKind[] = ['trust', 'resource'];

export function isPolicyKind(value: unknown): value is PolicyKind {
  return (POLICY_KINDS as readonly unknown[]).includes(value);
}

/**
 * A role trust policy is the only policy whose principal statements carry only STS actions,
 * or have no Resource while their actions cover sts:AssumeRole (`"Action": "*"`, NotAction):
 * every resource policy names its resource. Any other principal makes a resource policy;
 * none, an identity policy, taken as customer managed.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html
 */
export function inferKind(statements: readonly Statement[]): PolicyKind {
  const withPrincipal = statements.filter(
    statement => statement.principal ?? statement.notPrincipal,
  );
  if (withPrincipal.length === 0) return 'managed';
  return withPrincipal.every(isTrustStatement) ? 'trust' : 'resource';
}

function isTrustStatement(statement: Statement): boolean {
  const actions = statement.action?.strings ?? [];
  if (actions.length > 0 && actions.every(action => /^sts:/iu.test(action.value))) return true;
  const namesResource = statement.resource ?? statement.notResource;
  return !namesResource && statementCoversAction(statement, 'sts:AssumeRole');
}
