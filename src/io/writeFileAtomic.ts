import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { withPath } from './pathInError.js';
import { holdTemporary, temporaryPath } from './temporaries.js';

/**
 * Write-then-rename, so readers (and a later resume) never see half a file. Synchronous: a signal handler
 * removing the held temporary then never races a write or rename still under way.
 */
export function writeFileAtomic(path: string, content: string): void {
  const tmp = temporaryPath(path);
  const release = holdTemporary(tmp);
  try {
    writeFileSync(tmp, content);
    renameSync(tmp, path);
  } catch (error) {
    rmSync(tmp, { force: true });
    throw withPath(error, tmp);
  } finally {
    release();
  }
}

/** Each named file of `folder`, written atomically one after the other, in the order given. */
export function writeFilesAtomic(folder: string, files: Record<string, string>): void {
  for (const [name, content] of Object.entries(files)) writeFileAtomic(join(folder, name), content);
}
