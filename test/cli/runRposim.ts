import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const MAIN = fileURLToPath(new URL('../../dist/bin/rposim.js', import.meta.url));

export interface Outcome {
  code: number | null;
  stdout: string;
  stderr: string;
}

function checkBuilt(): void {
  if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: run "npm run build" first`);
}

/** Run the built CLI as a user would (`npm test` builds dist/ first); `cwd` defaults to the repository. */
export function rposim(args: string[], env: Record<string, string> = {}, cwd = ROOT): Outcome {
  checkBuilt();
  const child = spawnSync(process.execPath, [MAIN, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, RPOSIM_DEBUG: '', ...env },
  });
  return { code: child.status, stdout: child.stdout, stderr: child.stderr };
}

export interface Ended {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Start the built CLI without waiting, to signal or kill it midway. */
export function startRposim(args: string[], env: Record<string, string> = {}): { child: ChildProcess; done: Promise<Ended> } {
  checkBuilt();
  const child = spawn(process.execPath, [MAIN, ...args], { cwd: ROOT, env: { ...process.env, RPOSIM_DEBUG: '', ...env } });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d) => (stdout += d));
  child.stderr!.on('data', (d) => (stderr += d));
  const done = new Promise<Ended>((resolve) => child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr })));
  return { child, done };
}

/** Stack frame lines as Node prints them: users must never see these unless RPOSIM_DEBUG=1. */
export function stackLines(text: string): string[] {
  return text.split('\n').filter((line) => line.startsWith('    at '));
}
