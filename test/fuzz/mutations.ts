// Mutated scenarios for the fuzzer, built from the shipped examples the way users and imported inventories
// get them wrong: keys deleted, retyped or duplicated, units swapped, extreme numbers, YAML aliases (shared,
// exploding, recursive, dangling), deep nesting, references to nothing, and trace files that are malformed,
// enormous or not files at all. An input is a plain description (fast-check generates and prints it); it
// becomes files only in materialise().
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { parse, stringify } from 'yaml';

export const SCENARIOS_DIR = fileURLToPath(new URL('../../scenarios', import.meta.url));
const BASES = readdirSync(SCENARIOS_DIR).filter((f) => f.endsWith('.yaml')).sort();
const baseDoc = (name: string): unknown => parse(readFileSync(join(SCENARIOS_DIR, name), 'utf8'));

// ── Values ──

const WEIRD_VALUES: unknown[] = [
  null, true, false, 0, -1, 1, 0.5, 7, 1e300, -1e300, 1e-300, 2 ** 53 + 1, Infinity, -Infinity, Number.NaN,
  '', ' ', 'banana', '15m', '5m', '0', '-5m', '100 Mbps', '600 GB', '20%', '1e400 MB/s', '2 TB/day',
  '=HYPERLINK("http://x","y")', '+1+cmd|calc', '@SUM(A1)', '-2', '\t=1', 'a\nb', '\u001b[31mred', 'ü😀\u202e',
  'x'.repeat(100_000), [], {}, [1, 2], { a: 1 }, [[[]]], { constant: '1 MB/s' }, ['15m'],
];
const UNITS = ['s', 'm', 'h', 'd', 'w', 'ms', 'B', 'kB', 'KiB', 'MB', 'MiB', 'GB', 'TB', 'b', 'Mb', 'mb', 'MB/s', 'Mbps', 'Gbps', 'GB/day', 'MB/fortnight', '%', '', ' '];
const NUMBERS = ['0', '-1', '1', '0.5', '1e9', '1e30', '1e300', '1e400', '1e-9', '.5', '5.', '1e', 'NaN', '9'.repeat(400)];
const EXTREMES: unknown[] = [0, -0, -1, 0.5, 1e9, 1e10, 1e300, -1e300, 1e-9, 1e-300, 2 ** 31, 2 ** 53, Infinity, Number.NaN, '1e9', '0x10'];

const CSV_HEADER = 'time_s,bytes_written';
const csvRows = (rows: Array<[number | string, number | string]>) => `${CSV_HEADER}\n${rows.map(([t, b]) => `${t},${b}`).join('\n')}\n`;
const T0 = 128166372001017980;
const msrLine = (tick: number | string, type = 'Write', offset: number | string = 8192, size: number | string = 4096, disk: number | string = 0) =>
  `${tick},synth,${disk},${type},${offset},${size},100`;
const msrRows = (n: number, stepSec: number) => Array.from({ length: n }, (_, i) => msrLine(T0 + i * stepSec * 1e7, i % 3 === 0 ? 'Read' : 'Write', i * 4096, 4096 * (1 + (i % 4))));

const TRACE_CONTENTS: Record<string, () => string | Buffer> = {
  'csv good': () => csvRows(Array.from({ length: 50 }, (_, i) => [i * 60, 1000 * i])),
  'csv many rows': () => csvRows(Array.from({ length: 30_000 }, (_, i) => [i * 60, (i * 7919) % 100_000])),
  'csv infinity': () => csvRows([[0, 1], [60, '1e400'], [120, 1]]),
  'csv negative': () => csvRows([[0, 1], [60, -5], [120, 1]]),
  'csv text': () => csvRows([[0, 1], [60, 'abc'], [120, 1]]),
  'csv nan': () => csvRows([[0, 'NaN'], [60, 1]]),
  'csv two-year gap': () => csvRows([[0, 1000], [60, 1000], [63_072_000, 1000], [63_072_060, 5]]),
  'csv tiny interval': () => csvRows([[0, 1], ['0.000001', 1], ['0.000002', 1]]),
  'csv unsorted': () => csvRows([[0, 1], [120, 1], [60, 1]]),
  'csv huge bytes': () => csvRows([[0, '1e300'], [60, '1e17'], [120, 1]]),
  'csv huge rate': () => csvRows([[0, '1e17'], [1, '1e17'], [2, 1]]),
  'csv long line': () => `${CSV_HEADER}\n0,${'1'.repeat(200_000)}\n60,1\n`,
  'csv one row': () => csvRows([[0, 1]]),
  'csv header only': () => `${CSV_HEADER}\n`,
  'csv bom crlf': () => `\uFEFF${CSV_HEADER}\r\n0,5\r\n60,6\r\n120,7\r\n`,
  'csv epoch times': () => csvRows([[1_700_000_000, 5], [1_700_000_060, 6], [1_700_000_120, 7]]),
  'csv blank lines': () => `${CSV_HEADER}\n${'\n'.repeat(100_000)}0,1\n60,1\n`,
  empty: () => '',
  'binary junk': () => Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 131 + 7) % 256)),
  'msr good': () => `${msrRows(200, 3).join('\n')}\n`,
  'msr header': () => `Timestamp,Hostname,DiskNumber,Type,Offset,Size,ResponseTime\n${msrRows(20, 30).join('\n')}\n`,
  'msr size text': () => `${msrLine(T0)}\n${msrLine(T0 + 1e7, 'Write', 0, 'abc')}\n`,
  'msr size negative': () => `${msrLine(T0)}\n${msrLine(T0 + 1e7, 'Write', 0, -4096)}\n`,
  'msr size huge': () => `${msrLine(T0)}\n${msrLine(T0 + 1e7, 'Write', 0, 1e12)}\n`,
  'msr size fraction': () => `${msrLine(T0)}\n${msrLine(T0 + 1e7, 'Write', 0, 4096.5)}\n`,
  'msr offset huge': () => `${msrLine(T0)}\n${msrLine(T0 + 1e7, 'Write', '9'.repeat(30), 4096)}\n`,
  'msr type': () => `${msrLine(T0)}\n${msrLine(T0 + 1e7, 'Flush')}\n`,
  'msr backwards': () => `${msrLine(T0 + 1e10)}\n${msrLine(T0)}\n`,
  'msr two-year gap': () => `${msrLine(T0)}\n${msrLine(T0 + 2 * 365 * 86_400 * 1e7)}\n`,
  'msr thousand-year gap': () => `${msrLine(T0)}\n${msrLine(T0 + 1000 * 365 * 86_400 * 1e7)}\n`,
  'msr few fields': () => `${T0},synth,0,Write\n`,
  'msr negative time': () => `${msrLine(-5)}\n${msrLine(T0)}\n`,
  'msr overlapping blocks': () => `${Array.from({ length: 500 }, (_, i) => msrLine(T0 + i * 1e5, 'Write', (i % 17) * 1000, 1 << 20)).join('\n')}\n`,
};

const TRACE_FILES = ['gen/t.csv', 'gen/t.csv', 'gen/t.csv', 'gen/t.csv', '/dev/zero', '/dev/null', 'gen', 'missing.csv', '/etc/hostname'];
const traceArb = fc.record({
  file: fc.constantFrom(...TRACE_FILES),
  content: fc.constantFrom(...Object.keys(TRACE_CONTENTS)),
  format: fc.constantFrom('csv', 'msr', 'msr', undefined, 'parquet'),
  interval: fc.constantFrom(undefined, '60s', '1s', '0.5s', '1ms', '0s', '-1m', '1000d', 60),
  uniqueBlocks: fc.constantFrom(undefined, true, false, 'yes'),
  blockSize: fc.constantFrom(undefined, '4 KiB', '1 b', '0.5 B', '3 B', '1 GiB', '1 EB', 0, '4096'),
  scale: fc.constantFrom(undefined, 1, 1.3, 0, -1, 1e6, 1e7, 1e300),
  loop: fc.constantFrom(undefined, true, false, 'yes'),
  disk: fc.constantFrom(undefined, 0, 1, -1, 'x'),
});

// `disasters.dwell`, the `clean` choice and `costs:` (rposim compare's fields), which no top-level example has.
const DWELLS: unknown[] = [['1h'], ['1h', '12h', '1d', '3d', '7d'], ['30d'], [], ['0s'], ['1h', '1h'], ['-1d'], '3d', [null], ['1e400 d'], [3600]];
const COSTS: unknown[] = [
  {}, { perStorageGBMonth: 0.02, disastersPerYear: 0.5, perDowntimeHour: 1000, perDataLossGB: 5 },
  { perProtectedInstanceMonth: 25, perLinkGB: 0.01, perLinkMonth: 300, perFailoverComputeHour: 0.4, computeTimePerFailover: '3d' },
  { penaltyPer: 'plan' }, { penaltyChoice: 'clean' }, { penaltyChoice: 'latest', disastersPerYear: 1e300 }, { perDowntimeHour: -1 },
  { perDataLossHour: '100' }, { currency: 'EUR' }, [], 'cheap',
];
const CHOICES: unknown[] = [undefined, undefined, ['latest', 'clean'], ['clean'], ['latest'], ['clean', 'clean']];

// ── Mutations ──

const at = fc.nat();
export const mutationArb = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('delete' as const), at }) },
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('set' as const), at, value: fc.constantFrom(...WEIRD_VALUES) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('duplicateKey' as const), at }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('swapUnit' as const), at, unit: fc.constantFrom(...UNITS), number: fc.option(fc.constantFrom(...NUMBERS)) }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('extreme' as const), at, value: fc.constantFrom(...EXTREMES) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('count' as const), at, value: fc.constantFrom<unknown>(0, 1.5, 3, 120, 100_000, 100_001, 1e9, 1e10, -1, '3') }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('horizon' as const), value: fc.constantFrom('1s', '1h', '2d', '400d', '3650d', '3651d', '99999d', '1e9 d', '1.5w') }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('shareChurn' as const), copies: fc.constantFrom(2, 120, 500) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('aliasBomb' as const), at, levels: fc.integer({ min: 2, max: 12 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('recursiveAlias' as const), at }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('raw' as const),
      at,
      text: fc.constantFrom('*nope', '!!binary aGk=', '!foo bar', '"\\0"', '{<<: [1]}', '[a, b', '}{', 'ｘ: 1', '&a [*a]', '|\n  text'),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('deep' as const), at, depth: fc.constantFrom(10, 60, 65, 200, 3000), map: fc.boolean() }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('badReference' as const), at, name: fc.constantFrom('nope', '', ' ', 'ps1', 'wan', 'web-1', 'db', 'mt1', 'a\nb') }) },
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('trace' as const), at, trace: traceArb }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('compareFields' as const),
      dwell: fc.constantFrom<unknown>(undefined, ...DWELLS),
      choices: fc.constantFrom(...CHOICES),
      costs: fc.constantFrom<unknown>(undefined, ...COSTS),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('garbage' as const), text: fc.string({ unit: 'binary', maxLength: 200 }) }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('document' as const),
      value: fc.constantFrom<unknown>(null, 42, 'text', [], [1, 2], { base: 'small-site.yaml', axes: [{ path: 'horizon', values: ['1d'] }] }, ''),
    }),
  },
);
export type Mutation = typeof mutationArb extends fc.Arbitrary<infer M> ? M : never;

/** Changes a careful user makes: most inputs built from these validate, so that runs get fuzzed too. */
const GOOD_TRACES = ['csv good', 'csv many rows', 'csv two-year gap', 'csv bom crlf', 'csv epoch times', 'msr good', 'msr header', 'msr two-year gap', 'msr overlapping blocks'];
const mildMutationArb = fc.oneof(
  fc.record({ kind: fc.constant('count' as const), at, value: fc.constantFrom<unknown>(2, 3, 40, 120) }),
  fc.record({ kind: fc.constant('horizon' as const), value: fc.constantFrom('1h', '12h', '2d', '1.5w', '30d') }),
  fc.record({ kind: fc.constant('shareChurn' as const), copies: fc.constantFrom(2, 30, 120) }),
  fc.record({
    kind: fc.constant('compareFields' as const),
    dwell: fc.constantFrom<unknown>(['1h'], ['1h', '12h', '1d', '3d']),
    choices: fc.constant(undefined),
    costs: fc.constantFrom<unknown>(undefined, COSTS[1], COSTS[2]),
  }),
  fc.record({ kind: fc.constant('extreme' as const), at, value: fc.constantFrom<unknown>(0, 0.5, 1, 2, 10, 100, 1e-3) }),
  fc.record({ kind: fc.constant('swapUnit' as const), at, unit: fc.constantFrom('s', 'm', 'h', 'd', 'MB', 'GB', 'MB/s', 'Mbps', 'GB/day', '%'), number: fc.constant(null) }),
  fc.record({
    kind: fc.constant('trace' as const),
    at,
    trace: traceArb.map((t) => ({ ...t, file: 'gen/t.csv', format: t.content.startsWith('msr') ? ('msr' as const) : ('csv' as const), interval: '60s', blockSize: '4 KiB', scale: 1, loop: true, disk: undefined, uniqueBlocks: t.uniqueBlocks === true })),
  }).filter((m) => GOOD_TRACES.includes(m.trace.content)),
);

export const fuzzInputArb = fc.oneof(
  { weight: 2, arbitrary: fc.record({ base: fc.constantFrom(...BASES), mutations: fc.array(mutationArb, { minLength: 1, maxLength: 3 }) }) },
  { weight: 1, arbitrary: fc.record({ base: fc.constantFrom(...BASES), mutations: fc.array(mildMutationArb, { minLength: 1, maxLength: 2 }) }) },
);
export type FuzzInput = typeof fuzzInputArb extends fc.Arbitrary<infer I> ? I : never;

// ── Applying them ──

type Path = Array<string | number>;
type Container = Record<string | number, unknown>;

/** Every path in a document (containers and leaves), each object visited once: aliases can make cycles. */
function paths(doc: unknown): Path[] {
  const out: Path[] = [];
  const seen = new Set<unknown>();
  const walk = (node: unknown, path: Path) => {
    if (node === null || typeof node !== 'object' || seen.has(node)) return;
    seen.add(node);
    for (const key of Object.keys(node)) {
      const child = [...path, Array.isArray(node) ? Number(key) : key];
      out.push(child);
      walk((node as Container)[key], child);
    }
  };
  walk(doc, []);
  return out;
}

const get = (doc: unknown, path: Path): unknown => path.reduce<unknown>((n, k) => (n as Container | undefined)?.[k], doc);
function set(doc: unknown, path: Path, value: unknown): void {
  const parent = get(doc, path.slice(0, -1)) as Container;
  parent[path[path.length - 1]!] = value;
}
const choose = <T>(list: T[], index: number): T | undefined => (list.length === 0 ? undefined : list[index % list.length]);

const QUANTITY = /^\s*([-+]?[\d.eE+-]*\d[\d.eE+-]*)\s*([A-Za-z/%]*)\s*$/;
const REFERENCE_KEYS = new Set(['processServer', 'uplink', 'masterTarget', 'name']);

export interface Materialised {
  /** The scenario text. */
  yaml: string;
  /** Files to write beside it (relative paths). */
  files: Record<string, string | Buffer>;
}

export function materialise(input: FuzzInput): Materialised {
  let doc: unknown = baseDoc(input.base);
  const files: Record<string, string | Buffer> = {};
  const raws: string[] = [];
  const placeholder = (text: string) => `__RAW${raws.push(text) - 1}__`;
  let garbage = '';
  let duplicate: number | null = null;
  for (const m of input.mutations) {
    const all = paths(doc);
    switch (m.kind) {
      case 'delete': {
        const target = choose(all, m.at);
        if (target) {
          const parent = get(doc, target.slice(0, -1));
          if (Array.isArray(parent)) parent.splice(target[target.length - 1] as number, 1);
          else delete (parent as Container)[target[target.length - 1]!];
        }
        break;
      }
      case 'set': {
        const target = choose(all, m.at);
        if (target) set(doc, target, structuredClone(m.value));
        break;
      }
      case 'duplicateKey':
        duplicate = m.at;
        break;
      case 'swapUnit': {
        const target = choose(all.filter((p) => typeof get(doc, p) === 'string' && QUANTITY.test(get(doc, p) as string)), m.at);
        if (target) {
          const [, number, unit] = QUANTITY.exec(get(doc, target) as string)!;
          set(doc, target, `${m.number ?? number}${m.unit === unit ? '' : ' '}${m.unit}`);
        }
        break;
      }
      case 'extreme': {
        const target = choose(all.filter((p) => typeof get(doc, p) === 'number' || (typeof get(doc, p) === 'string' && QUANTITY.test(get(doc, p) as string))), m.at);
        if (!target) break;
        const old = get(doc, target);
        const unit = typeof old === 'string' ? QUANTITY.exec(old)![2] : '';
        set(doc, target, unit && typeof m.value === 'number' ? `${m.value} ${unit}` : m.value);
        break;
      }
      case 'count': {
        const vms = get(doc, ['vms']);
        if (Array.isArray(vms) && vms.length > 0) {
          const vm = vms[m.at % vms.length];
          if (vm && typeof vm === 'object') (vm as Container).count = m.value;
        }
        break;
      }
      case 'horizon':
        if (doc && typeof doc === 'object') (doc as Container).horizon = m.value;
        break;
      case 'shareChurn': {
        const ps = get(doc, ['processServers', 0, 'name']) ?? 'ps1';
        const churn = [{ constant: '10 kB/s' }];
        if (doc && typeof doc === 'object') (doc as Container).vms = Array.from({ length: m.copies }, (_, i) => ({ name: `v${i}`, processServer: ps, churn }));
        break;
      }
      case 'aliasBomb': {
        let node: unknown = ['lol', 'lol', 'lol', 'lol', 'lol', 'lol', 'lol', 'lol', 'lol'];
        for (let i = 1; i < m.levels; i++) node = Array.from({ length: 9 }, () => node);
        const target = choose(all, m.at);
        if (target) set(doc, target, node);
        break;
      }
      case 'recursiveAlias': {
        const target = choose(all.filter((p) => typeof get(doc, p) === 'object' && get(doc, p) !== null), m.at);
        if (target) {
          const node = get(doc, target) as Container;
          node[Array.isArray(node) ? node.length : 'self'] = node;
        }
        break;
      }
      case 'raw': {
        const target = choose(all, m.at);
        if (target) set(doc, target, placeholder(m.text));
        break;
      }
      case 'deep': {
        const target = choose(all, m.at);
        if (target) set(doc, target, placeholder(m.map ? `${'{a: '.repeat(m.depth)}1${'}'.repeat(m.depth)}` : `${'['.repeat(m.depth)}${']'.repeat(m.depth)}`));
        break;
      }
      case 'badReference': {
        const target = choose(
          all.filter((p) => REFERENCE_KEYS.has(String(p[p.length - 1])) || (p.includes('vms') && typeof p[p.length - 1] === 'number' && typeof get(doc, p) === 'string')),
          m.at,
        );
        if (target) set(doc, target, m.name);
        break;
      }
      case 'trace': {
        const vms = get(doc, ['vms']);
        if (!Array.isArray(vms) || vms.length === 0) break;
        const vm = vms[m.at % vms.length];
        if (!vm || typeof vm !== 'object') break;
        const { content, file, ...options } = m.trace;
        const trace = Object.fromEntries(Object.entries({ file, ...options }).filter(([, v]) => v !== undefined));
        (vm as Container).churn = [{ trace }];
        if (file === 'gen/t.csv') files[file] = TRACE_CONTENTS[content]!();
        if (file === 'gen') files['gen/other.csv'] = 'x';
        break;
      }
      case 'compareFields': {
        if (!doc || typeof doc !== 'object' || Array.isArray(doc)) break;
        const scenario = doc as Container;
        const within = (key: string) => (scenario[key] = scenario[key] && typeof scenario[key] === 'object' ? scenario[key] : {}) as Container;
        if (m.dwell !== undefined) within('disasters').dwell = structuredClone(m.dwell);
        if (m.choices !== undefined) within('failover').choices = structuredClone(m.choices);
        if (m.costs !== undefined) scenario.costs = structuredClone(m.costs);
        break;
      }
      case 'garbage':
        garbage = m.text;
        break;
      case 'document':
        doc = structuredClone(m.value);
        break;
    }
  }
  let yaml = stringify(doc, { lineWidth: 0 });
  if (duplicate !== null) {
    const lines = yaml.split('\n');
    const keyLines = lines.map((l, i) => (/^\s*[A-Za-z_][\w-]*:/.test(l) ? i : -1)).filter((i) => i >= 0);
    const line = choose(keyLines, duplicate);
    if (line !== undefined) lines.splice(line, 0, lines[line]!);
    yaml = lines.join('\n');
  }
  yaml = yaml.replace(/__RAW(\d+)__/g, (_, i: string) => raws[Number(i)]!);
  return { yaml: yaml + garbage, files };
}
