// Temporary files and folders, named after their owner so that any later process can tell whether the owner is
// gone: `<name>.tmp-<pid>-<host>-<random>`. A process only ever removes its own temporaries, or those whose owner
// process is gone; a temporary of another host (shards on a shared volume) is never touched, since its process
// cannot be checked from here. Without this, the first of two sweeps into one folder to finish deleted the other's
// files while they were being written.
import { createHash, randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { readdir, rm } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';

/** 8 hex digits of the host name's hash: names stay short and need no escaping. */
const HOST = createHash('sha256').update(hostname()).digest('hex').slice(0, 8);

/** `<path>.tmp-<pid>-<host>-<random>` (optionally with a suffix, e.g. `-old`): a fresh name beside `path`. */
export function temporaryPath(path: string, suffix = ''): string {
  return `${path}.tmp-${process.pid}-${HOST}-${randomBytes(4).toString('hex')}${suffix}`;
}

export interface TemporaryName {
  /** The name the temporary stands in for. */
  base: string;
  pid: number;
  /** null for names written by rposim before hosts were recorded: taken as this host's. */
  host: string | null;
  suffix: string;
}

// Also matches the older forms `<name>.tmp-<pid>`, `<name>.tmp-<pid>-old` and `<name>.tmp-<pid>-<random>`.
const TEMPORARY = /^(.+)\.tmp-(\d+)(?:-([0-9a-f]{8}))?(?:-([0-9a-f]{8}))?(-old)?$/;

export function parseTemporaryName(name: string): TemporaryName | null {
  const m = TEMPORARY.exec(name);
  if (!m) return null;
  // One hex group is the older `<pid>-<random>` form; two are `<pid>-<host>-<random>`.
  const host = m[3] !== undefined && m[4] !== undefined ? m[3] : null;
  return { base: m[1]!, pid: Number(m[2]), host, suffix: m[5] ?? '' };
}

/** Cleanups of the temporaries this process holds right now, run by removeOwnTemporariesSync on a signal. */
const held = new Map<string, () => void>();

/**
 * Declares `path` as held by this process until the returned release is called. `cleanup` (default: remove
 * the path) must be synchronous: it runs from a signal handler just before the process ends.
 */
export function holdTemporary(path: string, cleanup: () => void = () => rmSync(path, { recursive: true, force: true })): () => void {
  held.set(path, cleanup);
  return () => void held.delete(path);
}

/** Runs the cleanup of every temporary this process holds (for signal handlers: the process ends next). */
export function removeOwnTemporariesSync(): void {
  for (const [path, cleanup] of held) {
    try {
      cleanup();
    } catch {
      // Best effort: the next run removes what is left, since this process will be gone.
    }
    held.delete(path);
  }
}

function processIsRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** True when the temporary's process is known to be gone: same host, and no such process (or it is us, not holding it). */
export function ownerIsGone(dir: string, name: TemporaryName, entry: string): boolean {
  if (name.host !== null && name.host !== HOST) return false;
  if (name.pid === process.pid) return !held.has(join(dir, entry));
  return !processIsRunning(name.pid);
}

/**
 * Removes the temporaries in `dir` whose owner is gone (those of live processes and of other hosts stay).
 * `accept` narrows the names considered; `keep` may deal with an entry itself and return true to skip removal.
 */
export async function removeStaleTemporaries(
  dir: string,
  options: { accept?: (name: TemporaryName) => boolean; keep?: (name: TemporaryName, path: string) => Promise<boolean> } = {},
): Promise<void> {
  let entries: string[];
  try {
    entries = await readdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  for (const entry of entries) {
    const name = parseTemporaryName(entry);
    if (name === null || !(options.accept?.(name) ?? true) || !ownerIsGone(dir, name, entry)) continue;
    const path = join(dir, entry);
    if (await options.keep?.(name, path)) continue;
    await rm(path, { recursive: true, force: true });
  }
}
