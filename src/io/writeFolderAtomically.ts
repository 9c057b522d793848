import { mkdir, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';

/**
 * Fill a folder all at once: `fill` writes into a sibling temporary folder (`<out>.tmp-<pid>`), which then
 * replaces `<out>`. Readers never see a half-written result, and if anything fails, an existing `<out>` is
 * left as it was and the temporary folder is removed. The sibling lives on the same file system, so the
 * renames are atomic. Parent folders are created as needed.
 */
export async function writeFolderAtomically(out: string, fill: (folder: string) => Promise<void>): Promise<void> {
  const tmp = `${out}.tmp-${process.pid}`;
  // Matches `*.tmp-*` in .gitignore too, for the moment both old and new exist.
  const aside = `${out}.tmp-${process.pid}-old`;
  await mkdir(dirname(out), { recursive: true });
  // Leftovers of a crashed run that had the same pid are ours to discard.
  await rm(tmp, { recursive: true, force: true });
  await rm(aside, { recursive: true, force: true });
  try {
    await mkdir(tmp);
    await fill(tmp);
    await replace(out, tmp, aside);
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
  // The new folder is in place; failing to delete the old one must not turn a good run into an error.
  await rm(aside, { recursive: true, force: true }).catch(() => undefined);
}

async function replace(out: string, tmp: string, aside: string): Promise<void> {
  const hadOld = await renameIfExists(out, aside);
  try {
    await rename(tmp, out);
  } catch (error) {
    if (hadOld) await rename(aside, out);
    throw error;
  }
}

/** Rename `from` to `to`; false if `from` does not exist. */
async function renameIfExists(from: string, to: string): Promise<boolean> {
  try {
    await rename(from, to);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}
