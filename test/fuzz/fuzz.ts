// The fuzzer: mutated scenarios (mutations.ts) through `rposim validate`, and the valid, small ones through a
// short `rposim run`, each in a long-lived child process under a deadline (cliPool.ts). It counts what the
// project promises never happens: hangs, crashes, exit 1, exit-2 reports not in the form
// "file:line:col: path: expected …, found …", stack traces, and outputs with NaN, infinities or negative
// quantities. Failing inputs are kept in a folder with the command's output, to replay by hand.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import fc from 'fast-check';
import { CliPool, type Outcome } from './cliPool.js';
import { type FuzzInput, fuzzInputArb, materialise, SCENARIOS_DIR } from './mutations.js';

export interface FuzzOptions {
  inputs: number;
  seed: number;
  workers: number;
  /** Inputs that validate with at most this many estimated events are also run ... */
  runEventBudget: number;
  /** ... one in runEvery of them (by input number), so that runs do not take over the time. */
  runEvery: number;
  validateTimeoutMs: number;
  runTimeoutMs: number;
}

export const PROBLEMS = ['hang', 'crash', 'exit 1', 'malformed message', 'stack trace', 'nonsense output', 'run disagrees with validate'] as const;
export type Problem = (typeof PROBLEMS)[number];

export interface FuzzReport {
  inputs: number;
  validateOk: number;
  validateRejected: number;
  runs: number;
  /** Time spent in validate and in run, summed over workers (what sizes the fuzz, never a pass criterion). */
  validateSec: number;
  runSec: number;
  problems: Record<Problem, number>;
  /** The first failures: what went wrong and where the input was kept. */
  failures: string[];
  failureFolder: string;
}

const STACK_LINE = /^\s+at .+(\(|:\d+)|FATAL ERROR|node:internal/m;
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Lines that break the promise on exit 2 (each line: file[:line:col]: path: expected …, found …). */
function malformedLines(stderr: string, file: string): string[] {
  const form = new RegExp(`^${escape(file)}(:\\d+:\\d+)?: \\S.*?: expected \\S.*, found \\S.*$`);
  return stderr.split('\n').filter((line) => line !== '' && !form.test(line));
}

function exitProblem(outcome: Outcome): { problem: Problem; detail: string } | null {
  if (outcome.kind === 'hang') return { problem: 'hang', detail: 'no answer before the deadline' };
  if (outcome.kind === 'crash') return { problem: 'crash', detail: outcome.detail };
  if (STACK_LINE.test(outcome.stderr) || STACK_LINE.test(outcome.stdout)) return { problem: 'stack trace', detail: outcome.stderr.slice(0, 2000) };
  if (outcome.code === 1) return { problem: 'exit 1', detail: outcome.stderr.slice(0, 2000) };
  if (outcome.code !== 0 && outcome.code !== 2) return { problem: 'crash', detail: `exit code ${outcome.code}: ${outcome.stderr.slice(0, 2000)}` };
  return null;
}

// ── Outputs that make no sense ──

/** Columns of the CSV files that hold quantities: each cell is empty or a finite number >= 0. */
const NUMERIC_COLUMN = /_s$|_bytes$|^bytes_transferred$/;

/** Rows of a CSV file (RFC 4180: quoted cells may hold commas, quotes and line breaks). */
function csvRows(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted && c === '"' && text[i + 1] === '"') (cell += '"'), i++;
    else if (c === '"') quoted = !quoted;
    else if (c === ',' && !quoted) row.push(cell), (cell = '');
    else if (c === '\n' && !quoted) rows.push([...row, cell]), (row = []), (cell = '');
    else cell += c;
  }
  if (cell !== '' || row.length > 0) rows.push([...row, cell]);
  return rows;
}

function csvProblems(text: string, name: string): string[] {
  const [columns, ...rows] = csvRows(text);
  const problems: string[] = [];
  for (const cells of rows) {
    const cell = (c: string) => cells[columns!.indexOf(c)] ?? '';
    if (cells.length !== columns!.length) problems.push(`${name}: ${cells.length} cells in a row of ${columns!.length} columns`);
    for (const column of columns!.filter((c) => NUMERIC_COLUMN.test(c))) {
      const value = cell(column);
      if (value !== '' && !(Number.isFinite(Number(value)) && Number(value) >= 0)) problems.push(`${name}: ${column} = ${value}`);
    }
    if (name === 'failovers.csv' && cell('data_loss_s') !== '' && Number(cell('data_loss_s')) > Number(cell('disaster_time_s')) + 1e-3) {
      problems.push(`${name}: data loss ${cell('data_loss_s')} s exceeds the disaster time ${cell('disaster_time_s')} s`);
    }
    if (name === 'timeseries.csv' && cell('rpo_s') !== '' && Number(cell('rpo_s')) > Number(cell('time_s')) + 1e-3) {
      problems.push(`${name}: RPO ${cell('rpo_s')} s exceeds the time ${cell('time_s')} s`);
    }
    if (problems.length > 0) break;
  }
  return problems;
}

/** summary.json: numbers >= 0 (a CI's bounds may cross 0), and statistics with a count have every figure. */
function summaryProblems(summary: unknown): string[] {
  const problems: string[] = [];
  const walk = (node: unknown, path: string) => {
    if (typeof node === 'number') {
      if (!(node >= 0) && !path.includes('.ci95')) problems.push(`summary.json ${path} = ${node}`);
      return;
    }
    if (node === null || typeof node !== 'object') return;
    const record = node as Record<string, unknown>;
    if (typeof record.count === 'number' && record.count > 0 && 'mean' in record) {
      for (const key of ['mean', 'p50', 'p95', 'max']) if (typeof record[key] !== 'number') problems.push(`summary.json ${path}.${key} = ${String(record[key])} with count ${record.count}`);
    }
    for (const [key, value] of Object.entries(record)) walk(value, `${path}.${key}`);
  };
  walk(summary, '');
  return problems;
}

function outputProblems(out: string): string[] {
  if (!existsSync(join(out, 'summary.json'))) return ['no summary.json'];
  const problems = summaryProblems(JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')));
  for (const name of ['failovers.csv', 'timeseries.csv', 'plans.csv', 'lifecycle.csv', 'compatibility.csv']) {
    const path = join(out, name);
    if (existsSync(path)) problems.push(...csvProblems(readFileSync(path, 'utf8'), name));
  }
  return problems;
}

// ── The loop ──

const EVENTS = /about ([\d,]+) simulated events/;

export async function runFuzz(options: FuzzOptions): Promise<FuzzReport> {
  const inputs = fc.sample(fuzzInputArb, { seed: options.seed, numRuns: options.inputs });
  const root = mkdtempSync(join(tmpdir(), 'rposim-fuzz-'));
  const failureFolder = join(root, 'failures');
  const pool = new CliPool(options.workers);
  const report: FuzzReport = {
    inputs: inputs.length,
    validateOk: 0,
    validateRejected: 0,
    runs: 0,
    validateSec: 0,
    runSec: 0,
    problems: Object.fromEntries(PROBLEMS.map((p) => [p, 0])) as Record<Problem, number>,
    failures: [],
    failureFolder,
  };

  const fail = (i: number, dir: string, input: FuzzInput, problem: Problem, detail: string) => {
    report.problems[problem]++;
    const kept = join(failureFolder, String(i));
    mkdirSync(dirname(kept), { recursive: true });
    cpSync(dir, kept, { recursive: true, verbatimSymlinks: true });
    writeFileSync(join(kept, 'input.json'), JSON.stringify(input, (_, v: unknown) => (typeof v === 'string' && v.length > 200 ? `${v.slice(0, 200)}…` : v), 2));
    writeFileSync(join(kept, 'problem.txt'), `${problem}\n${detail}\n`);
    if (report.failures.length < 20) report.failures.push(`#${i} ${problem} (${kept}): ${detail.slice(0, 600)}`);
  };

  const one = async (input: FuzzInput, i: number) => {
    const dir = join(root, String(i));
    const file = join(dir, 'scenario.yaml');
    const { yaml, files } = materialise(input);
    mkdirSync(join(dir, 'gen'), { recursive: true });
    symlinkSync(join(SCENARIOS_DIR, 'traces'), join(dir, 'traces'));
    writeFileSync(file, yaml);
    for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);

    let started = performance.now();
    const validated = await pool.run(['validate', file], options.validateTimeoutMs);
    report.validateSec += (performance.now() - started) / 1000;
    const bad = exitProblem(validated);
    if (bad) return fail(i, dir, input, bad.problem, bad.detail);
    if (validated.kind !== 'exit') return;
    if (validated.code === 2) {
      report.validateRejected++;
      const lines = malformedLines(validated.stderr, file);
      if (lines.length > 0) fail(i, dir, input, 'malformed message', lines.slice(0, 3).join('\n'));
      return void rmSync(dir, { recursive: true, force: true });
    }
    // Warnings and ASR compatibility findings are what a valid scenario may print.
    const unexpected = (stderr: string) => stderr.split('\n').filter((line) => line !== '' && !/^(?:warning|compatibility (?:error|warning)): /.test(line));
    if (!validated.stdout.startsWith(`${file}: OK (`) || unexpected(validated.stderr).length > 0) {
      return fail(i, dir, input, 'malformed message', `${validated.stdout}${validated.stderr}`.slice(0, 2000));
    }
    report.validateOk++;
    const events = Number(EVENTS.exec(validated.stdout)?.[1]?.replace(/,/g, '') ?? Number.NaN);
    if (!(events <= options.runEventBudget) || i % options.runEvery !== 0) return void rmSync(dir, { recursive: true, force: true });
    report.runs++;
    const out = join(dir, 'out');
    started = performance.now();
    const ran = await pool.run(['run', file, '--out', out, '--quiet', '--seed', '1'], options.runTimeoutMs);
    report.runSec += (performance.now() - started) / 1000;
    const runBad = exitProblem(ran);
    if (runBad) return fail(i, dir, input, runBad.problem, runBad.detail);
    if (ran.kind === 'exit' && ran.code !== 0) return fail(i, dir, input, 'run disagrees with validate', ran.stderr.slice(0, 2000));
    if (ran.kind === 'exit' && (ran.stdout !== `${out}\n` || unexpected(ran.stderr).length > 0)) {
      return fail(i, dir, input, 'malformed message', `${ran.stdout}${ran.stderr}`.slice(0, 2000));
    }
    const nonsense = outputProblems(out);
    if (nonsense.length > 0) return fail(i, dir, input, 'nonsense output', nonsense.slice(0, 5).join('\n'));
    rmSync(dir, { recursive: true, force: true });
  };

  try {
    let next = 0;
    const lane = async () => {
      while (next < inputs.length) {
        const i = next++;
        await one(inputs[i]!, i);
      }
    };
    await Promise.all(Array.from({ length: options.workers }, lane));
  } finally {
    pool.close();
  }
  if (Object.values(report.problems).every((n) => n === 0)) rmSync(root, { recursive: true, force: true });
  return report;
}

export function formatReport(r: FuzzReport): string {
  const rows = PROBLEMS.map((p) => `  ${p.padEnd(28)} ${r.problems[p]}`);
  return [
    `fuzz: ${r.inputs} inputs: validate accepted ${r.validateOk}, rejected ${r.validateRejected} (${r.validateSec.toFixed(0)} s); ${r.runs} short runs (${r.runSec.toFixed(0)} s)`,
    ...rows,
    ...(r.failures.length > 0 ? [`kept in ${r.failureFolder}:`, ...r.failures] : []),
  ].join('\n');
}
