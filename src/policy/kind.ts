/**
 * Policy kinds and how a document's kind is read from its content when neither the config
 * nor the command line names it.
 */

import { type JsonNode, arrayOrSingle, propertyOf, stringValues } from './json-node.js';

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
 * A statement with a principal and only STS actions is a role trust policy: STS has no
 * other resource policy. Any other principal makes a resource policy; none, an identity
 * policy, taken as customer managed.
 */
export function inferKind(root: JsonNode): PolicyKind {
  const statements = arrayOrSingle(propertyOf(root, 'Statement')?.value);
  const withPrincipal = statements.filter(
    statement => propertyOf(statement, 'Principal') ?? propertyOf(statement, 'NotPrincipal'),
  );
  if (withPrincipal.length === 0) return 'managed';

  const onlyStsActions = withPrincipal.every(statement => {
    const actions = stringValues(propertyOf(statement, 'Action')?.value);
    return actions.length > 0 && actions.every(action => /^sts:/iu.test(action.value));
  });
  return onlyStsActions ? 'trust' : 'resource';
}
