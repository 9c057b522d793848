// Long-lived rposim processes (cliChild.mjs) that run command lines one at a time under a deadline. A command
// that misses its deadline is a hang: its process is killed and replaced. A process that dies is a crash, with
// the end of what it printed (a V8 abort prints "FATAL ERROR" there, not in what the command returned).
import { type ChildProcess, fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const CHILD = fileURLToPath(new URL('./cliChild.mjs', import.meta.url));
/** A process is replaced after this many commands, so that nothing one input left behind affects many others. */
const COMMANDS_PER_PROCESS = 200;

export type Outcome =
  | { kind: 'exit'; code: number; stdout: string; stderr: string }
  | { kind: 'hang' }
  | { kind: 'crash'; detail: string };

class Child {
  private readonly process: ChildProcess;
  private stderrTail = '';
  private pending: ((outcome: Outcome) => void) | null = null;
  private dead = false;
  commands = 0;

  constructor(env: Record<string, string>) {
    this.process = fork(CHILD, [], { stdio: ['ignore', 'ignore', 'pipe', 'ipc'], env: { ...process.env, RPOSIM_DEBUG: '', ...env } });
    this.process.stderr!.on('data', (chunk: Buffer) => {
      this.stderrTail = (this.stderrTail + chunk.toString()).slice(-2000);
    });
    this.process.on('message', (message: { code: number; stdout: string; stderr: string }) => {
      this.settle({ kind: 'exit', code: message.code, stdout: message.stdout, stderr: message.stderr });
    });
    this.process.on('exit', (code, signal) => {
      this.dead = true;
      this.settle({ kind: 'crash', detail: `process ended (${signal ?? `exit code ${code}`}): ${this.stderrTail.trim()}` });
    });
  }

  private settle(outcome: Outcome): void {
    const done = this.pending;
    this.pending = null;
    done?.(outcome);
  }

  get alive(): boolean {
    return !this.dead;
  }

  run(args: string[], timeoutMs: number): Promise<Outcome> {
    this.commands++;
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.settle({ kind: 'hang' });
        this.kill();
      }, timeoutMs);
      this.pending = (outcome) => {
        clearTimeout(timer);
        resolve(outcome);
      };
      this.process.send({ id: this.commands, args });
    });
  }

  kill(): void {
    if (!this.dead) this.process.kill('SIGKILL');
    this.dead = true;
  }
}

export class CliPool {
  private readonly idle: Child[] = [];
  private readonly waiting: Array<(child: Child) => void> = [];
  private readonly all = new Set<Child>();

  constructor(
    readonly size: number,
    private readonly env: Record<string, string> = {},
  ) {}

  private acquire(): Promise<Child> {
    const child = this.idle.pop();
    if (child) return Promise.resolve(child);
    if (this.all.size < this.size) {
      const fresh = new Child(this.env);
      this.all.add(fresh);
      return Promise.resolve(fresh);
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private release(child: Child): void {
    if (!child.alive || child.commands >= COMMANDS_PER_PROCESS) {
      child.kill();
      this.all.delete(child);
      child = new Child(this.env);
      this.all.add(child);
    }
    const next = this.waiting.shift();
    if (next) next(child);
    else this.idle.push(child);
  }

  /** `rposim <args>` within timeoutMs. */
  async run(args: string[], timeoutMs: number): Promise<Outcome> {
    const child = await this.acquire();
    try {
      return await child.run(args, timeoutMs);
    } finally {
      this.release(child);
    }
  }

  close(): void {
    for (const child of this.all) child.kill();
    this.all.clear();
    this.idle.length = 0;
  }
}
