import { describe, expect, it } from 'vitest';
import { storeAsDoubles } from '../../src/engine/doubleFields.js';

describe('storeAsDoubles', () => {
  it('leaves every value as it was, zeros, fractions and infinities alike', () => {
    const object = { zero: 0, half: 0.5, big: 2 ** 60, none: Infinity, other: 'kept' };
    storeAsDoubles(object, 'zero', 'half', 'big', 'none');
    expect(object).toEqual({ zero: 0, half: 0.5, big: 2 ** 60, none: Infinity, other: 'kept' });
    expect(Object.is(object.zero, 0)).toBe(true);
  });

  it('refuses a field that is missing or not a number, so that a misspelt name cannot add a field', () => {
    expect(() => storeAsDoubles({ rate: 0 }, 'rat')).toThrow(/rat is not a numeric field of Object/);
    expect(() => storeAsDoubles({ name: 'x' }, 'name')).toThrow(TypeError);
  });
});
