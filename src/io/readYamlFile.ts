// Reads a scenario or sweep file (YAML, or JSON: the YAML parser reads both) into plain data, within the
// limits that keep any input cheap to answer: file size, aliases, nesting, and the size of the data once
// aliases are expanded. Every problem is an issue naming the file, never an exception.
import { open } from 'node:fs/promises';
import { type Document, LineCounter, parseDocument } from 'yaml';
import { excerpt, type ScenarioIssue } from '../scenario/issues.js';
import { formatLimit, LIMITS } from '../scenario/limits.js';
import { describeOpenError, InputFileError } from './readLines.js';

export interface YamlFile {
  raw: unknown;
  doc: Document;
  lineCounter: LineCounter;
}

export type YamlRead = { ok: true; file: YamlFile } | { ok: false; errors: ScenarioIssue[] };

/** The file's text, read up to the limit; throws InputFileError (file not found, a folder, too large). */
async function readBounded(path: string): Promise<string> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    throw new InputFileError(describeOpenError(path, error as NodeJS.ErrnoException));
  }
  try {
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.alloc(1 << 16);
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, null).catch((error: NodeJS.ErrnoException) => {
        throw new InputFileError(describeOpenError(path, error));
      });
      if (bytesRead === 0) break;
      total += bytesRead;
      if (total > LIMITS.scenarioFileBytes) {
        throw new InputFileError(`${path} is larger than ${LIMITS.scenarioFileBytes / 2 ** 20} MiB, the limit of a scenario or sweep file`);
      }
      chunks.push(chunk.subarray(0, bytesRead));
    }
    return Buffer.concat(chunks).toString('utf8');
  } finally {
    await handle.close();
  }
}

const NESTING = `YAML nested at most ${LIMITS.nestingDepth} levels deep`;

/** Parser and converter failures worded for a user: the library's words for a stack overflow are not. */
function describeYamlError(message: string): { expected: string; found: string } {
  if (/call stack/i.test(message)) return { expected: NESTING, found: 'nesting too deep' };
  if (/alias count/i.test(message)) {
    return { expected: `at most ${formatLimit(LIMITS.yamlAliases)} uses of YAML aliases (an alias inside an aliased value counts once per use)`, found: 'more' };
  }
  return { expected: 'valid YAML', found: excerpt(message.split('\n')[0]!, 120) };
}

/**
 * Depth and size of the data as a program walking it sees them, aliases expanded, without expanding them:
 * each distinct object is measured once. Also finds an alias that contains itself, which no walk ends.
 */
function checkShape(raw: unknown): { expected: string; found: string } | undefined {
  const size = new Map<object, number>();
  const height = new Map<object, number>();
  const onPath = new Set<object>();
  // Iterative post-order walk: a deep document must not overflow this walk either.
  const stack: Array<{ node: object; children: unknown[]; next: number }> = [];
  const enter = (node: object) => {
    onPath.add(node);
    stack.push({ node, children: Object.values(node), next: 0 });
  };
  if (raw !== null && typeof raw === 'object') enter(raw);
  while (stack.length > 0) {
    if (stack.length > LIMITS.nestingDepth) return { expected: NESTING, found: `nesting too deep (more than ${LIMITS.nestingDepth} levels)` };
    const top = stack[stack.length - 1]!;
    if (top.next < top.children.length) {
      const child = top.children[top.next++];
      if (child === null || typeof child !== 'object' || size.has(child)) continue;
      if (onPath.has(child)) return { expected: 'YAML whose aliases do not contain themselves', found: 'an alias inside its own anchored value' };
      enter(child);
      continue;
    }
    stack.pop();
    onPath.delete(top.node);
    let total = 1;
    let deepest = 0;
    for (const c of top.children) {
      const isObject = c !== null && typeof c === 'object';
      total += isObject ? size.get(c)! : 1;
      deepest = Math.max(deepest, isObject ? height.get(c)! : 0);
    }
    if (total > LIMITS.yamlValues) {
      return { expected: `a document of at most ${formatLimit(LIMITS.yamlValues)} values once YAML aliases are expanded`, found: 'more' };
    }
    if (deepest + 1 > LIMITS.nestingDepth) return { expected: NESTING, found: `nesting too deep (more than ${LIMITS.nestingDepth} levels)` };
    size.set(top.node, total);
    height.set(top.node, deepest + 1);
  }
  return undefined;
}

/** Reads and parses `path`; issues name `source`. Throws InputFileError when the file itself cannot be read. */
export async function readYamlFile(path: string, source: string = path): Promise<YamlRead> {
  const text = await readBounded(path);
  const lineCounter = new LineCounter();
  const fail = (problem: { expected: string; found: string }, line?: number, column?: number): YamlRead => ({
    ok: false,
    errors: [{ source, path: '', ...problem, ...(line === undefined ? {} : { line, column }) }],
  });
  let doc: Document;
  try {
    // merge: YAML 1.1 merge keys (<<: *defaults), a common way to share settings between entries.
    // resolveKnownTags off: !!binary, !!set and the like stay plain text or lists, the only shapes a scenario has.
    // logLevel error: the library would print its warnings itself.
    doc = parseDocument(text, { lineCounter, merge: true, resolveKnownTags: false, logLevel: 'error' });
  } catch (error) {
    return fail(describeYamlError((error as Error).message));
  }
  if (doc.errors.length > 0) {
    return {
      ok: false,
      errors: doc.errors.map((e) => {
        const { line, col } = lineCounter.linePos(e.pos[0]);
        return { source, path: '', ...describeYamlError(e.message), line, column: col };
      }),
    };
  }
  let raw: unknown;
  try {
    raw = doc.toJS({ maxAliasCount: LIMITS.yamlAliases });
  } catch (error) {
    return fail(describeYamlError((error as Error).message));
  }
  const shape = checkShape(raw);
  return shape ? fail(shape) : { ok: true, file: { raw, doc, lineCounter } };
}
