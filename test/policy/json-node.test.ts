import { describe, expect, it } from 'vitest';
import { parseJson } from '../../src/engine/parse.js';
import { lastPropertiesOf, propertiesOf } from '../../src/policy/json-node.js';

const objectOf = (text: string) => {
  const { root } = parseJson(text);
  if (!root) throw new Error('test JSON did not parse');
  return root;
};

describe('lastPropertiesOf', () => {
  // JSON.parse, and IAM, keep only the last value of a repeated key.
  it('keeps the last property of each name, in the order those last ones appear', () => {
    const object = objectOf('{"AWS":"arn:aws:iam::111122223333:role/ok","Service":"s","AWS":"*"}');
    const read = lastPropertiesOf(object).map(property => [property.name, property.value?.value]);
    expect(read).toEqual([
      ['Service', 's'],
      ['AWS', '*'],
    ]);
    expect(propertiesOf(object)).toHaveLength(3);
  });

  // A Principal of "*" or a list has no map to read.
  it('reads nothing from a value that is not an object', () => {
    expect(lastPropertiesOf(objectOf('["AWS"]'))).toEqual([]);
    expect(lastPropertiesOf(undefined)).toEqual([]);
  });
});
