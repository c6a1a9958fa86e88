/**
 * The extract stage: a parsed file to the policy documents it holds. Today that is a bare
 * policy file, one document; CloudFormation, Terraform plans and CLI output come next and
 * yield one document per policy they contain.
 */

import { type PolicyDocument, createDocument, readStatements } from '../policy/document.js';
import { type JsonNode, isString, propertyOf } from '../policy/json-node.js';
import { type PolicyKind, inferKind } from '../policy/kind.js';
import type { SourceFile } from './source-file.js';

const POLICY_VERSIONS = new Set(['2012-10-17', '2008-10-17']);

/**
 * A root object with a Statement, or with an IAM Version value; or an array holding one,
 * which is a policy saved in the wrong shape. Works on partial trees.
 */
export function looksLikePolicy(root: JsonNode | undefined): boolean {
  if (root?.type === 'array') return (root.children ?? []).some(looksLikePolicyObject);
  return looksLikePolicyObject(root);
}

function looksLikePolicyObject(root: JsonNode | undefined): boolean {
  if (root?.type !== 'object') return false;
  if (propertyOf(root, 'Statement')) return true;
  const version = propertyOf(root, 'Version')?.value;
  return isString(version) && POLICY_VERSIONS.has(version.value);
}

/**
 * For text that does not parse far enough to tell (single quotes, unquoted keys): the
 * element names of a statement, written as keys. Such a file is a broken policy, and
 * skipping it as "other JSON" would let it pass CI unnoticed.
 */
export function textLooksLikePolicy(text: string): boolean {
  return /["']?\bStatement\b["']?\s*:/u.test(text) &&
    /["']?\b(Effect|Action|NotAction)\b["']?\s*:/u.test(text);
}

export function extractDocuments(
  source: SourceFile,
  root: JsonNode,
  kind: PolicyKind | undefined,
): PolicyDocument[] {
  const statements = readStatements(root);
  return [createDocument(source, root, kind ?? inferKind(statements), [], statements)];
}
