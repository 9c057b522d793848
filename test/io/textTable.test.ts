import { expect, test } from 'vitest';
import { textTable } from '../../src/io/textTable.js';

test('textTable(header, rows) left-aligns names and right-aligns figures', () => {
  expect(textTable(['name', 'n'], [['a', '1'], ['long', '100']])).toBe(
    ['  name    n', '  a       1', '  long  100'].join('\n'),
  );
});
