// A long-lived rposim for the fuzzer (cliPool.ts): runs one command line at a time in this process, exactly as
// dist/cli/main.js would, and sends back the exit code and everything it printed. Starting Node for each of
// ten thousand inputs would cost more than the inputs themselves; a hang or crash here costs only this process,
// which the pool kills and replaces.
import { runCli } from '../../dist/cli/runCli.js';

process.on('message', async ({ id, args }) => {
  const out = [];
  const err = [];
  const saved = { log: console.log, error: console.error, warn: console.warn, stdout: process.stdout.write, stderr: process.stderr.write };
  const text = (values) => `${values.map((v) => (typeof v === 'string' ? v : String(v))).join(' ')}\n`;
  console.log = (...values) => out.push(text(values));
  console.error = console.warn = (...values) => err.push(text(values));
  process.stdout.write = (chunk) => (out.push(String(chunk)), true);
  process.stderr.write = (chunk) => (err.push(String(chunk)), true);
  let code;
  try {
    code = await runCli(args);
  } finally {
    Object.assign(console, { log: saved.log, error: saved.error, warn: saved.warn });
    process.stdout.write = saved.stdout;
    process.stderr.write = saved.stderr;
  }
  process.send({ id, code, stdout: out.join(''), stderr: err.join('') });
});
