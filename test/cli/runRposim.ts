import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const MAIN = fileURLToPath(new URL('../../dist/cli/main.js', import.meta.url));

export interface Outcome {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Run the built CLI as a user would (`npm test` builds dist/ first). */
export function rposim(args: string[], env: Record<string, string> = {}): Outcome {
  if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: run "npm run build" first`);
  const child = spawnSync(process.execPath, [MAIN, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, RPOSIM_DEBUG: '', ...env },
  });
  return { code: child.status, stdout: child.stdout, stderr: child.stderr };
}

/** Stack frame lines as Node prints them: users must never see these unless RPOSIM_DEBUG=1. */
export function stackLines(text: string): string[] {
  return text.split('\n').filter((line) => line.startsWith('    at '));
}
