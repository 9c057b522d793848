import { formatPlan, writePlanFiles } from '../io/planFiles.js';
import { readChurnTrace } from '../io/readChurnTrace.js';
import { RPO_MEASURES, type RpoMeasure } from '../plan/measuredScenario.js';
import { plan } from '../plan/plan.js';
import { traceScenario } from '../plan/traceScenario.js';
import { parseDuration, parseRate, parseSize } from '../scenario/units.js';
import { type CliCommand, EXIT_OK, EXIT_USAGE } from './command.js';
import { endCleanlyOnSignals } from './interrupts.js';
import { loadScenarioOrReport } from './loadScenarioOrReport.js';

interface PlanArgs {
  input: string;
  rpo: string;
  compliance: string;
  bandwidth: string | undefined;
  measure: RpoMeasure;
  out: string | undefined;
  usedDisk: string | undefined;
  initialGoal: string;
}

export const planCommand: CliCommand<PlanArgs> = {
  command: 'plan <input>',
  describe: 'Smallest uplink bandwidth meeting an RPO target at each compliance level, found by simulation',
  builder: (yargs) =>
    yargs
      .positional('input', { type: 'string', demandOption: true, describe: 'Scenario (.yaml/.json) or churn trace (.csv)' })
      .option('rpo', { type: 'string', default: '15m', describe: 'RPO target R' })
      .option('compliance', { type: 'string', default: '100,99,90', describe: 'Percentages of time RPO ≤ R' })
      .option('bandwidth', { type: 'string', describe: 'Also report the RPO achievable at this bandwidth (e.g. 100Mbps)' })
      .option('measure', { choices: RPO_MEASURES, default: 'recovery-point' as RpoMeasure, describe: 'RPO as the replication lag, or as the newest recovery point (5-min points + processing delay)' })
      .option('used-disk', { type: 'string', describe: 'Used disk to copy at initial replication (trace input; default: the scenario’s)' })
      .option('initial-goal', { type: 'string', default: '72h', describe: 'Initial-replication time goal' })
      .option('out', { type: 'string', describe: 'Write plan.json and plan.csv to this folder' }) as never,
  async handler(argv) {
    const rpo = parseDuration(argv.rpo);
    const goal = parseDuration(argv.initialGoal);
    const bandwidth = argv.bandwidth === undefined ? null : parseRate(argv.bandwidth);
    const usedDisk = argv.usedDisk === undefined ? null : parseSize(argv.usedDisk);
    const compliances = argv.compliance.split(',').map((s) => Number(s.trim().replace(/%$/, '')) / 100);
    const bad =
      !rpo.ok ? `--rpo: expected ${rpo.expected}` :
      !goal.ok ? `--initial-goal: expected ${goal.expected}` :
      bandwidth !== null && !bandwidth.ok ? `--bandwidth: expected ${bandwidth.expected}` :
      usedDisk !== null && !usedDisk.ok ? `--used-disk: expected ${usedDisk.expected}` :
      compliances.some((q) => !(q > 0 && q <= 1)) ? `--compliance: expected percentages in (0, 100], like 100,99,90; found ${argv.compliance}` : null;
    if (bad !== null || !rpo.ok || !goal.ok) {
      console.error(`rposim plan: ${bad}`);
      return EXIT_USAGE;
    }
    let scenario;
    if (/\.csv$/i.test(argv.input)) {
      const trace = await readChurnTrace(argv.input);
      scenario = traceScenario(argv.input, trace, usedDisk?.ok ? usedDisk.value : 0);
    } else {
      const loaded = await loadScenarioOrReport(argv.input);
      if ('exitCode' in loaded) return loaded.exitCode;
      scenario = loaded.scenario;
      if (usedDisk?.ok) scenario = { ...scenario, vms: scenario.vms.map((vm) => ({ ...vm, usedDiskBytes: usedDisk.value })) };
    }
    const report = plan(scenario, {
      rpoSec: rpo.value,
      compliances,
      measure: argv.measure,
      bandwidthBytesPerSec: bandwidth?.ok ? bandwidth.value : null,
      initialReplicationGoalSec: goal.value,
      seed: scenario.seed,
    });
    console.log(formatPlan(report));
    if (argv.out !== undefined) {
      await endCleanlyOnSignals(() => writePlanFiles(report, argv.out!));
      console.log(`Plan written to ${argv.out}`);
    }
    return EXIT_OK;
  },
};
