/** Small accessors over jsonc-parser nodes that keep the node of every value. */

import type { Node } from 'jsonc-parser';

export type JsonNode = Node;

export interface StringValue {
  value: string;
  node: JsonNode;
}

export interface Property {
  name: string;
  key: JsonNode;
  value: JsonNode | undefined;
}

export function propertiesOf(object: JsonNode | undefined): Property[] {
  if (object?.type !== 'object') return [];
  const result: Property[] = [];
  for (const property of object.children ?? []) {
    const [key, value] = property.children ?? [];
    if (key?.type === 'string') result.push({ name: String(key.value), key, value });
  }
  return result;
}

/** The last property with this name wins, as it does for JSON.parse. */
export function propertyOf(object: JsonNode | undefined, name: string): Property | undefined {
  const all = propertiesOf(object);
  for (let index = all.length - 1; index >= 0; index--) {
    if (all[index]?.name === name) return all[index];
  }
  return undefined;
}

export function isString(node: JsonNode | undefined): node is JsonNode & { value: string } {
  return node?.type === 'string';
}

/** A string, or the strings of an array; other values are left to grammar checks. */
export function stringValues(node: JsonNode | undefined): StringValue[] {
  if (isString(node)) return [{ value: node.value, node }];
  if (node?.type !== 'array') return [];
  const strings = (node.children ?? []).filter(isString);
  return strings.map(child => ({ value: child.value, node: child }));
}

/** A value, or the members of an array. */
export function arrayOrSingle(node: JsonNode | undefined): JsonNode[] {
  if (node === undefined) return [];
  return node.type === 'array' ? (node.children ?? []) : [node];
}

export function rawText(text: string, node: JsonNode): string {
  return text.slice(node.offset, node.offset + node.length);
}
