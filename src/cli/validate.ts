import { formatCount, formatDuration } from '../io/humanUnits.js';
import { formatEstimate } from '../scenario/limits.js';
import type { Scenario } from '../scenario/types.js';
import { type CliCommand, EXIT_OK } from './command.js';
import { loadScenarioOrReport } from './loadScenarioOrReport.js';

interface ValidateArgs {
  file: string;
}

export const validate: CliCommand<ValidateArgs> = {
  command: 'validate <file>',
  describe: 'Check a scenario file and the traces it names as run would, list every problem and warning',
  builder: (yargs) =>
    yargs.positional('file', { type: 'string', demandOption: true, describe: 'Scenario file (YAML or JSON)' }),
  async handler(argv) {
    const loaded = await loadScenarioOrReport(argv.file, { compatibility: true });
    if ('exitCode' in loaded) return loaded.exitCode;
    const errors = loaded.findings.filter((f) => f.severity === 'error').length;
    const verdict = loaded.findings.length === 0 ? '' : `; ASR compatibility: ${formatCount(errors, 'error')}, ${formatCount(loaded.findings.length - errors, 'warning')} (above)`;
    console.log(`${argv.file}: OK (${describeScenario(loaded.scenario)}, about ${formatEstimate(loaded.runSize.events)} simulated events)${verdict}`);
    return EXIT_OK;
  },
};

function describeScenario(scenario: Scenario): string {
  return [
    formatCount(scenario.vms.length, 'VM'),
    formatCount(scenario.processServers.length, 'process server'),
    formatCount(scenario.uplinks.length, 'uplink'),
    formatCount(scenario.failover.choices.length, 'failover choice'),
    `horizon ${formatDuration(scenario.horizonSec)}`,
  ].join(', ');
}
