import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { access, rename } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { makeFolder } from './makeFolder.js';
import { checkOutputFolder, MARKER_FILE, markerText, type OutputFolderOptions, type OutputMarker } from './outputFolder.js';
import { holdTemporary, removeStaleTemporaries, temporaryPath } from './temporaries.js';

/**
 * Fill a folder all at once: `fill` writes into a sibling temporary folder (`<out>.tmp-<pid>-…`), which then
 * replaces `<out>`. Readers never see a half-written result, and if anything fails, an existing `<out>` is
 * left as it was and the temporary folder is removed. The sibling lives on the same file system, so the
 * renames are atomic. Parent folders are created as needed.
 *
 * Only a folder rposim wrote is replaced (see outputFolder.ts: the new folder gets the marker); anything else
 * is refused with an InputError. Temporaries left beside `<out>` by processes that are gone (killed while
 * writing) are removed first, and previous results that such a process had moved aside are put back.
 * While the temporary folder exists it is held (temporaries.ts), so a signal handler can remove it. The folder
 * operations are synchronous on purpose: a handler runs between two of them, never while one is still under
 * way in the background and could recreate or move a folder after the handler has looked.
 */
export async function writeFolderAtomically(
  out: string,
  marker: OutputMarker,
  fill: (folder: string) => Promise<void>,
  options: OutputFolderOptions = {},
): Promise<void> {
  await makeFolder(dirname(out));
  await recoverStaleTemporaries(out);
  await checkOutputFolder(out, marker, options);
  const tmp = temporaryPath(out);
  // Matches `*.tmp-*` in .gitignore too, for the moment both old and new exist.
  const aside = `${tmp}-old`;
  // Held until the old folder is deleted too: a signal between the swap and that deletion must not leave it.
  const release = holdTemporary(tmp, () => undoSync(out, tmp, aside));
  try {
    try {
      mkdirSync(tmp);
      writeFileSync(join(tmp, MARKER_FILE), markerText(marker));
      await fill(tmp);
      replaceSync(out, tmp, aside);
    } finally {
      removeSync(tmp);
    }
    try {
      removeSync(aside);
    } catch {
      // The new folder is in place; failing to delete the old one must not turn a good run into an error.
    }
  } finally {
    release();
  }
}

function replaceSync(out: string, tmp: string, aside: string): void {
  const hadOld = existsSync(out);
  if (hadOld) renameSync(out, aside);
  try {
    renameSync(tmp, out);
  } catch (error) {
    if (hadOld) renameSync(aside, out);
    throw error;
  }
}

/** Retries cover a write of `fill` still landing in the folder being removed. */
const removeSync = (path: string) => rmSync(path, { recursive: true, force: true, maxRetries: 5, retryDelay: 20 });

/** For a signal arriving at any point of the above: `<out>` ends as it was, or as the new folder; nothing else. */
function undoSync(out: string, tmp: string, aside: string): void {
  if (existsSync(aside) && !existsSync(out)) renameSync(aside, out);
  removeSync(tmp);
  removeSync(aside);
}

/** `<out>.tmp-*` of dead processes: removed, except previous results moved aside with no `<out>` to replace them. */
async function recoverStaleTemporaries(out: string): Promise<void> {
  const name = basename(out);
  await removeStaleTemporaries(dirname(out), {
    accept: (t) => t.base === name,
    keep: async (t, path) => {
      if (t.suffix !== '-old' || (await exists(out))) return false;
      await rename(path, out);
      return true;
    },
  });
}

const exists = (path: string) => access(path).then(() => true, () => false);
