import { mkdir, stat } from 'node:fs/promises';
import { dirname } from 'node:path';

/**
 * `mkdir -p` that reports the real cause. Node's recursive mkdir answers ENOENT ("no such file or directory")
 * where a folder cannot be created on a read-only file system; creating the first missing folder alone
 * gives the true error (EROFS, EACCES).
 */
export async function makeFolder(path: string): Promise<void> {
  try {
    await mkdir(path, { recursive: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    let missing = path;
    while (dirname(missing) !== missing && !(await isFolder(dirname(missing)))) missing = dirname(missing);
    await mkdir(missing);
    throw error;
  }
}

const isFolder = (path: string) => stat(path).then((s) => s.isDirectory(), () => false);
