import { CHECK_GROUPS } from '../validation/allChecks.js';
import type { CheckResult } from '../validation/checkResult.js';
import { type CliCommand, EXIT_FAILURE, EXIT_OK } from './command.js';

/** `rposim check-model`: runs the validation suite (src/validation) and prints one line per check. */
export const checkModel: CliCommand = {
  command: 'check-model',
  describe: 'Run the simulator against queueing closed forms and print each check (exit 1 on a failure)',
  builder: (yargs) => yargs,
  async handler() {
    let failures = 0;
    for (const group of CHECK_GROUPS) {
      console.log(`${group.name}`);
      for (const result of group.run()) {
        if (!result.pass) failures++;
        console.log(`  ${formatCheck(result)}`);
      }
    }
    const total = CHECK_GROUPS.length;
    console.log(failures === 0 ? `All checks passed (${total} groups).` : `${failures} check(s) FAILED.`);
    return failures === 0 ? EXIT_OK : EXIT_FAILURE;
  },
};

export function formatCheck(r: CheckResult): string {
  const half = (r.simulated.ci95[1] - r.simulated.ci95[0]) / 2;
  const verdict = r.pass ? 'pass' : 'FAIL';
  return `${verdict}  ${r.formula}: simulated ${fmt(r.simulated.mean)} ± ${fmt(half)} (95% CI), theory ${fmt(r.theory)}, tolerance ${fmt(r.tolerance)}`;
}

function fmt(x: number): string {
  if (x === 0) return '0';
  return Math.abs(x) >= 1e-3 && Math.abs(x) < 1e5 ? x.toPrecision(4) : x.toExponential(2);
}
