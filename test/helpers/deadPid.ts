import { spawnSync } from 'node:child_process';
import { temporaryPath } from '../../src/io/temporaries.js';

/** The pid of a process that has already ended (pids are not reused this quickly). */
export function deadPid(): number {
  return spawnSync(process.execPath, ['-e', '']).pid!;
}

/** A temporary name for `path` as a process of this host that has since ended would have chosen it. */
export function deadProcessTemporary(path: string, suffix = ''): string {
  return temporaryPath(path, suffix).replace(`.tmp-${process.pid}-`, `.tmp-${deadPid()}-`);
}
