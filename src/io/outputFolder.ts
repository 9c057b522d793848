// rposim replaces or fills only folders it wrote itself. Each output folder gets a marker file, `.rposim`, saying
// what it holds; a folder that exists without one (someone's thesis, the home folder) is refused, not replaced.
import { readdir, readFile, stat } from 'node:fs/promises';
import { homedir } from 'node:os';
import { isAbsolute, join, parse, relative, resolve, sep } from 'node:path';
import { InputError } from './inputError.js';
import { parseTemporaryName } from './temporaries.js';

export const MARKER_FILE = '.rposim';

/**
 * run and plan folders, and the trace folder of an import, are replaced as a whole; a sweep or comparison folder is
 * filled run by run and resumed.
 */
const OUTPUT_KINDS = ['run', 'plan', 'sweep', 'compare', 'traces'] as const;
export type OutputKind = (typeof OUTPUT_KINDS)[number];

export interface OutputMarker {
  kind: OutputKind;
  /** The scenario (run, plan) whose results the folder holds; absent for sweeps (their manifest says more). */
  name?: string;
}

export const markerText = (marker: OutputMarker): string =>
  `${JSON.stringify({ writtenBy: 'rposim', kind: marker.kind, ...(marker.name === undefined ? {} : { name: marker.name }) })}\n`;

/** Files that older rposim versions wrote into a run or plan folder, before the marker existed. */
const UNMARKED_RUN_FILES = new Set([
  'summary.json', 'failovers.csv', 'timeseries.csv', 'plans.csv', 'lifecycle.csv', 'scenario.resolved.json', 'results.xlsx',
  'report.html', 'plan.json', 'plan.csv',
]);

export interface OutputFolderOptions {
  /**
   * Refuse a folder holding another scenario's results: set when the folder name was derived from the scenario
   * name, so that two names reduced to one folder ("a/b" and "a-b") do not silently replace each other.
   */
  sameNameOnly?: boolean;
}

/** Why rposim may not write `out` as `marker` says, or null when it may (absent, empty, or rposim's own). */
export async function outputFolderProblem(out: string, marker: OutputMarker, options: OutputFolderOptions = {}): Promise<string | null> {
  const placement = placementProblem(out);
  if (placement !== null) return placement;
  let entries: string[];
  try {
    if (!(await stat(out)).isDirectory()) return `${out} exists and is not a folder`;
    entries = await readdir(out);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  // Empty, or only the temporary of a marker that another rposim is writing right now (two sweeps started at once).
  if (entries.every((entry) => parseTemporaryName(entry)?.base === MARKER_FILE)) return null;
  const found = await readMarker(out);
  if (found === null) {
    if (await isUnmarkedOutput(out, entries, marker.kind)) return null;
    return `${out} exists and was not written by rposim (it has no ${MARKER_FILE} file); rposim only writes into its own output folders: choose another folder, or empty or remove this one yourself`;
  }
  if (found.kind !== marker.kind) return `${out} holds ${article(found.kind)} written by rposim, not ${article(marker.kind)}: choose another folder`;
  if (options.sameNameOnly && found.name !== marker.name) {
    return `${out} holds the results of scenario ${JSON.stringify(found.name)}, and scenario ${JSON.stringify(marker.name)} maps to the same folder name: give this one its own folder with --out`;
  }
  return null;
}

/** Throws InputError when outputFolderProblem finds one. */
export async function checkOutputFolder(out: string, marker: OutputMarker, options: OutputFolderOptions = {}): Promise<void> {
  const problem = await outputFolderProblem(out, marker, options);
  if (problem !== null) throw new InputError(problem);
}

const article = (kind: OutputKind) => ({ run: 'a run', plan: 'a plan', sweep: 'a sweep', compare: 'a comparison', traces: "an import's traces" })[kind];

/** The folder the user is in, any folder above it, the home folder and the root are never output folders. */
function placementProblem(out: string): string | null {
  const target = resolve(out);
  if (target === parse(target).root) return `${out} is the root folder`;
  if (target === resolve(homedir())) return `${out} is your home folder`;
  const fromTarget = relative(target, process.cwd());
  if (fromTarget === '') return `${out} is the current folder`;
  const outside = fromTarget === '..' || fromTarget.startsWith(`..${sep}`) || isAbsolute(fromTarget);
  if (!outside) return `${out} contains the current folder`;
  return null;
}

async function readMarker(out: string): Promise<OutputMarker | null> {
  let text: string;
  try {
    text = await readFile(join(out, MARKER_FILE), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  try {
    const parsed = JSON.parse(text) as Partial<OutputMarker> & { writtenBy?: unknown };
    if (parsed.writtenBy === 'rposim' && OUTPUT_KINDS.includes(parsed.kind as OutputKind)) {
      return { kind: parsed.kind as OutputKind, ...(typeof parsed.name === 'string' ? { name: parsed.name } : {}) };
    }
  } catch {
    // Not ours after all: treated like a folder without a marker.
  }
  return null;
}

/**
 * Folders written before the marker: only rposim's own file names (run, plan) or a sweep's runs/manifest.json.
 * An import's trace folder holds files of any name: one without the marker is never taken for rposim's.
 */
async function isUnmarkedOutput(out: string, entries: string[], kind: OutputKind): Promise<boolean> {
  // Comparisons came with the marker.
  if (kind === 'traces' || kind === 'compare') return false;
  if (kind === 'sweep') return entries.includes('runs') && (await stat(join(out, 'runs', 'manifest.json')).then(() => true, () => false));
  return entries.every((e) => UNMARKED_RUN_FILES.has(e)) && (entries.includes('summary.json') || entries.includes('plan.json'));
}
