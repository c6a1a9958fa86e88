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

/** Every property as written, repeated names included; policy maps want `lastPropertiesOf`. */
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

/**
 * One property per name: the last one written, in the order those last ones appear. JSON.parse
 * keeps only the last value of a repeated key, and so does IAM, so an earlier duplicate in a
 * Condition or Principal map must not count.
 * https://www.rfc-editor.org/rfc/rfc8259#section-4
 */
export function lastPropertiesOf(object: JsonNode | undefined): Property[] {
  const all = propertiesOf(object);
  const lastIndex = new Map(all.map((property, index) => [property.name, index]));
  return all.filter((property, index) => lastIndex.get(property.name) === index);
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
