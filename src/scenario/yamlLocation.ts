// Where a scenario path (like vms[2].churn[0].onOff.peak) sits in a YAML document, so that issues can
// point at a line and column. When the path goes past what is written (a missing key), the nearest
// enclosing node is given: that is where the user has to add it.
import { type Document, isMap, isNode, isScalar, isSeq, type LineCounter, type Node } from 'yaml';
import { parsePath } from './issues.js';

export interface LineColumn {
  /** 1-based */
  line: number;
  /** 1-based */
  column: number;
}

function child(node: Node, seg: string | number): Node | undefined {
  if (isMap(node)) {
    const pair = node.items.find((p) => (isScalar(p.key) ? p.key.value : p.key) === seg);
    if (!pair) return undefined;
    return isNode(pair.value) && pair.value.range ? pair.value : isNode(pair.key) ? pair.key : undefined;
  }
  if (isSeq(node) && typeof seg === 'number') {
    const item = node.items[seg];
    return isNode(item) ? item : undefined;
  }
  return undefined;
}

export function locateInYaml(doc: Document, lineCounter: LineCounter, path: string): LineColumn | undefined {
  let node: Node | undefined = isNode(doc.contents) ? doc.contents : undefined;
  if (!node) return undefined;
  for (const seg of parsePath(path)) {
    const next = child(node, seg);
    if (!next) break;
    node = next;
  }
  if (!node.range) return undefined;
  const { line, col } = lineCounter.linePos(node.range[0]);
  return { line, column: col };
}
