import { describe, expect, it } from 'vitest';
import { LineCounter, parseDocument } from 'yaml';
import { locateInYaml } from '../../src/scenario/yamlLocation.js';

const TEXT = `name: x
vms:
  - name: web
    churn:
      - onOff: { peak: 10 MB/s, meanOn: 2s }
  - name: db
`;

describe('locateInYaml', () => {
  const lineCounter = new LineCounter();
  const doc = parseDocument(TEXT, { lineCounter });

  it.each([
    ['name', 1, 7],
    ['vms[0].churn[0].onOff.peak', 5, 24],
    ['vms[1].name', 6, 11],
    ['', 1, 1],
  ])('locateInYaml(doc, %j) is line %d column %d', (path, line, column) => {
    expect(locateInYaml(doc, lineCounter, path)).toEqual({ line, column });
  });

  it('locateInYaml points a missing key at the mapping that lacks it', () => {
    expect(locateInYaml(doc, lineCounter, 'vms[0].churn[0].onOff.meanOff')).toEqual({ line: 5, column: 16 });
  });
});
