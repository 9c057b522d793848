import { join } from 'node:path';
import { expect, test } from 'vitest';
import { defaultOutFolder } from '../../src/cli/defaultOutFolder.js';

test('defaultOutFolder(name) is results/<name>', () => {
  expect(defaultOutFolder('small-site')).toBe(join('results', 'small-site'));
});

test('defaultOutFolder(name) cannot leave results/', () => {
  expect(defaultOutFolder('../etc')).toBe(join('results', 'etc'));
  expect(defaultOutFolder('a/b c')).toBe(join('results', 'a-b-c'));
  expect(defaultOutFolder('..')).toBe(join('results', 'scenario'));
});
