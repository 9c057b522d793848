// Ctrl-C and SIGTERM for long batches (sweep, compare): the first signal stops scheduling and lets the runs in
// flight finish (they are written); the listeners are `once`, so a second Ctrl-C gets Node's default and
// quits at once (finished runs are on disk regardless).
export interface Interrupt {
  signal: AbortSignal;
  /** 130 after SIGINT, 143 after SIGTERM, 0 when none came. */
  exitCode(): number;
  dispose(): void;
}

export function onInterrupt(): Interrupt {
  const controller = new AbortController();
  let exitCode = 0;
  const onSignal = (signal: NodeJS.Signals) => {
    exitCode = signal === 'SIGINT' ? 130 : 143;
    process.stderr.write(`\n${signal}: stopping after the runs in flight (again to quit at once)…\n`);
    controller.abort();
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  return {
    signal: controller.signal,
    exitCode: () => exitCode,
    dispose: () => {
      process.removeListener('SIGINT', onSignal);
      process.removeListener('SIGTERM', onSignal);
    },
  };
}
