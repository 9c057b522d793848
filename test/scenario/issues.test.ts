import { describe, expect, it } from 'vitest';
import { describeValue, formatIssues, parsePath, pathToString } from '../../src/scenario/issues.js';

describe('issues', () => {
  it('pathToString and parsePath are inverses', () => {
    const path = ['vms', 2, 'churn', 0, 'onOff', 'peak'];
    expect(pathToString(path)).toBe('vms[2].churn[0].onOff.peak');
    expect(parsePath('vms[2].churn[0].onOff.peak')).toEqual(path);
    expect(parsePath('')).toEqual([]);
  });

  it('describeValue shows values as written', () => {
    expect(describeValue('600 Mbps')).toBe('"600 Mbps"');
    expect(describeValue(100)).toBe('100');
    expect(describeValue(undefined)).toBe('nothing');
    expect(describeValue({ a: 'x'.repeat(100) })).toHaveLength(60);
  });

  it('formatIssues renders file:line:col: path: expected …, found …', () => {
    expect(
      formatIssues([
        { source: 'a.yaml', path: 'horizon', expected: 'a duration', found: '5', line: 3, column: 10 },
        { source: 'mem', path: '', expected: 'a mapping', found: '"x"' },
      ]),
    ).toBe('a.yaml:3:10: horizon: expected a duration, found 5\nmem: (top level): expected a mapping, found "x"');
  });
});
