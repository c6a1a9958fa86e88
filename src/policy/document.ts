/** The policy model: a document, its statements, and the node behind every element. */

import type { SourceFile } from '../engine/source-file.js';
import {
  type JsonNode,
  type StringValue,
  arrayOrSingle,
  isString,
  propertyOf,
  stringValues,
} from './json-node.js';
import type { PolicyKind } from './kind.js';

export interface PolicyDocument {
  /** The document's root object. */
  node: JsonNode;
  kind: PolicyKind;
  source: SourceFile;
  /** Where the document sits inside its container; empty for a bare policy file. */
  path: (string | number)[];
  statements: Statement[];
}

export interface Element {
  key: JsonNode;
  value: JsonNode | undefined;
  strings: StringValue[];
}

export interface Statement {
  node: JsonNode;
  index: number;
  effect: string | undefined;
  sid: string | undefined;
  action: Element | undefined;
  notAction: Element | undefined;
  resource: Element | undefined;
  notResource: Element | undefined;
  principal: Element | undefined;
  notPrincipal: Element | undefined;
  condition: Element | undefined;
}

export function createDocument(
  source: SourceFile,
  node: JsonNode,
  kind: PolicyKind,
  path: (string | number)[] = [],
  statements: Statement[] = readStatements(node),
): PolicyDocument {
  return { node, kind, source, path, statements };
}

/** The statements of a document's root object; a single statement object counts as one. */
export function readStatements(root: JsonNode): Statement[] {
  const statementNodes = arrayOrSingle(propertyOf(root, 'Statement')?.value);
  return statementNodes
    .map((statement, index) => readStatement(statement, index))
    .filter(statement => statement !== undefined);
}

function readStatement(node: JsonNode, index: number): Statement | undefined {
  if (node.type !== 'object') return undefined;
  const effect = propertyOf(node, 'Effect')?.value;
  const sid = propertyOf(node, 'Sid')?.value;
  return {
    node,
    index,
    effect: isString(effect) ? effect.value : undefined,
    sid: isString(sid) ? sid.value : undefined,
    action: readElement(node, 'Action'),
    notAction: readElement(node, 'NotAction'),
    resource: readElement(node, 'Resource'),
    notResource: readElement(node, 'NotResource'),
    principal: readElement(node, 'Principal'),
    notPrincipal: readElement(node, 'NotPrincipal'),
    condition: readElement(node, 'Condition'),
  };
}

function readElement(statement: JsonNode, name: string): Element | undefined {
  const property = propertyOf(statement, name);
  if (property === undefined) return undefined;
  return { key: property.key, value: property.value, strings: stringValues(property.value) };
}

/** Effect is case-sensitive: IAM rejects "allow", so only "Allow" grants anything. */
export function isAllow(statement: Statement): boolean {
  return statement.effect === 'Allow';
}

/** Resource "*" (alone or in a list) leaves a statement unscoped. */
export function hasUnscopedResource(statement: Statement): boolean {
  return statement.resource?.strings.some(resource => resource.value === '*') ?? false;
}
