import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function tempFolder(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'rposim-test-'));
}

/** Every file in a folder (not recursive) with its bytes: to compare a folder before and after. */
export async function snapshot(folder: string): Promise<Record<string, string>> {
  const names = (await readdir(folder)).sort();
  const entries = await Promise.all(names.map(async (name) => [name, (await readFile(join(folder, name))).toString('base64')]));
  return Object.fromEntries(entries);
}
