import { existsSync } from 'node:fs';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The compiled file of a worker entry ('cli/simulationWorker.js'), found from the module that starts it (`from`:
 * its import.meta.url): beside that module (in dist/bin/, where the bundle keeps every entry side by side, or in
 * dist/'s own folders), or in dist/ when that module runs from src/ (vitest: node does not load TypeScript).
 */
export function builtWorker(entry: string, from: string): string {
  const beside = fileURLToPath(new URL(`./${basename(entry)}`, from));
  if (existsSync(beside)) return beside;
  const built = fileURLToPath(new URL(`../../dist/${entry}`, from));
  if (existsSync(built)) return built;
  throw new Error(`worker not found at ${beside} or ${built}: run npm run build`);
}
