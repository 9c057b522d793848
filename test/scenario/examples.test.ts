// A message's examples are values its field accepts (issue 8: appConsistentInterval: 15m was answered with
// 'expected … from 60m to 720m, like "15m"'). Checked field by field over two full scenarios: every leaf is
// given bad values, and every example offered for it is put back in its place.
import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { parse } from 'yaml';
import { type PathSegment, pathToString } from '../../src/scenario/issues.js';
import { parseScenario } from '../../src/scenario/parse.js';
import { FULL_YAML } from './fixtures.js';

const traces = new Map([['traces/db.csv', { startsSec: [0, 60, 120], bytes: [10, 20, 30] }]]);
const DOCS = [parse(FULL_YAML), parse(readFileSync(new URL('../../scenarios/two-tier-app.yaml', import.meta.url), 'utf8'))];
const BAD_VALUES: unknown[] = ['banana', -1, '1e400 MB/s', 1e300];

function leaves(node: unknown, path: PathSegment[] = []): PathSegment[][] {
  if (node === null || typeof node !== 'object') return [path];
  return Object.entries(node).flatMap(([k, v]) => leaves(v, [...path, Array.isArray(node) ? Number(k) : k]));
}
function withValue(doc: unknown, path: PathSegment[], value: unknown): unknown {
  const copy = structuredClone(doc) as Record<PathSegment, unknown>;
  const parent = path.slice(0, -1).reduce<Record<PathSegment, unknown>>((n, k) => n[k] as Record<PathSegment, unknown>, copy);
  parent[path[path.length - 1]!] = value;
  return copy;
}
const issuesAt = (doc: unknown, path: string) => {
  const result = parseScenario(doc, { source: 'mem', traces });
  return result.ok ? [] : result.errors.filter((e) => e.path === path);
};

test('every example in a message is a value its field accepts', () => {
  let examplesChecked = 0;
  for (const doc of DOCS) {
    for (const path of leaves(doc)) {
      const where = pathToString(path);
      for (const bad of BAD_VALUES) {
        for (const issue of issuesAt(withValue(doc, path, bad), where)) {
          for (const [, example] of issue.expected.matchAll(/(?:like|or) ("[^"]*"|\d[\w.]*)(?=[ ,)]|$)/g)) {
            const value: unknown = JSON.parse(example!);
            const again = issuesAt(withValue(doc, path, value), where).filter((i) => i.expected === issue.expected);
            expect(again, `${where}: "${issue.expected}" offers ${example}`).toEqual([]);
            examplesChecked++;
          }
        }
      }
    }
  }
  expect(examplesChecked).toBeGreaterThan(100);
});
