import { formatPlan, writePlanFiles } from '../io/planFiles.js';
import { ChurnTraceError, readChurnTrace } from '../io/readChurnTrace.js';
import { checkOutputFolder } from '../io/outputFolder.js';
import { InputFileError } from '../io/readLines.js';
import { RPO_MEASURES, type RpoMeasure } from '../plan/measuredScenario.js';
import { traceScenario } from '../plan/traceScenario.js';
import { parseDuration, parseFraction, parseRate, parseSize } from '../scenario/units.js';
import { type CliCommand, EXIT_OK, EXIT_USAGE } from './command.js';
import { runGuarded } from './guardedSimulation.js';
import { endCleanlyOnSignals } from './interrupts.js';
import { loadScenarioOrReport } from './loadScenarioOrReport.js';
import { reportOnFolder, reportOption } from './report.js';

interface PlanArgs {
  input: string;
  rpo: string;
  compliance: string;
  bandwidth: string | undefined;
  measure: RpoMeasure;
  out: string | undefined;
  usedDisk: string | undefined;
  initialGoal: string;
  report: boolean;
}

export const planCommand: CliCommand<PlanArgs> = {
  command: 'plan <input>',
  describe: 'Smallest uplink bandwidth meeting an RPO target at each compliance level, found by simulation',
  builder: (yargs) =>
    yargs
      .positional('input', { type: 'string', demandOption: true, describe: 'Scenario (.yaml/.json) or churn trace (.csv)' })
      .option('rpo', { type: 'string', default: '15m', describe: 'RPO target R' })
      .option('compliance', { type: 'string', default: '100%,99%,90%', describe: 'Fractions of time RPO ≤ R, as percentages or 0–1: 99% or 0.99' })
      .option('bandwidth', { type: 'string', describe: 'Also report the RPO achievable at this bandwidth (e.g. 100Mbps)' })
      .option('measure', { choices: RPO_MEASURES, default: 'recovery-point' as RpoMeasure, describe: 'RPO as the replication lag, or as the newest recovery point (5-min points + processing delay)' })
      .option('used-disk', { type: 'string', describe: 'Used disk to copy at initial replication (trace input; default: the scenario’s)' })
      .option('initial-goal', { type: 'string', default: '72h', describe: 'Initial-replication time goal' })
      .option('out', { type: 'string', describe: 'Write plan.json and plan.csv to this folder' })
      .option('report', { ...reportOption, describe: 'Also write report.html into the --out folder' }) as never,
  async handler(argv) {
    const rpo = parseDuration(argv.rpo);
    const goal = parseDuration(argv.initialGoal);
    const bandwidth = argv.bandwidth === undefined ? null : parseRate(argv.bandwidth);
    const usedDisk = argv.usedDisk === undefined ? null : parseSize(argv.usedDisk);
    const compliances = argv.compliance.split(',').map((text) => ({ text: text.trim(), q: parseFraction(text) }));
    const badCompliance = compliances.find(({ q }) => !q.ok || !(q.value > 0 && q.value <= 1));
    const bad =
      !rpo.ok ? `--rpo: expected ${rpo.expected}` :
      !goal.ok ? `--initial-goal: expected ${goal.expected}` :
      bandwidth !== null && !bandwidth.ok ? `--bandwidth: expected ${bandwidth.expected}` :
      usedDisk !== null && !usedDisk.ok ? `--used-disk: expected ${usedDisk.expected}` :
      badCompliance === undefined ? null :
      !badCompliance.q.ok ? `--compliance: expected ${badCompliance.q.expected}; found "${badCompliance.text}" in ${argv.compliance}` :
      `--compliance: expected fractions above 0 and at most 100%, like 100%,99%,90% or 1,0.99,0.9; found "${badCompliance.text}" in ${argv.compliance}`;
    const needsOut = argv.report && argv.out === undefined ? '--report: needs --out (the folder the report describes)' : null;
    if (bad !== null || needsOut !== null || !rpo.ok || !goal.ok) {
      console.error(`rposim plan: ${bad ?? needsOut}`);
      return EXIT_USAGE;
    }
    let scenario;
    if (/\.csv$/i.test(argv.input)) {
      let trace;
      try {
        trace = await readChurnTrace(argv.input);
      } catch (error) {
        if (!(error instanceof ChurnTraceError || error instanceof InputFileError)) throw error;
        console.error(`rposim: ${error.message}`);
        return EXIT_USAGE;
      }
      scenario = traceScenario(argv.input, trace, usedDisk?.ok ? usedDisk.value : 0);
    } else {
      const loaded = await loadScenarioOrReport(argv.input);
      if ('exitCode' in loaded) return loaded.exitCode;
      scenario = loaded.scenario;
      if (usedDisk?.ok) scenario = { ...scenario, vms: scenario.vms.map((vm) => ({ ...vm, usedDiskBytes: usedDisk.value })) };
    }
    // Checked again when writing; here so that a refused folder costs no simulation.
    if (argv.out !== undefined) await checkOutputFolder(argv.out, { kind: 'plan', name: scenario.name });
    // In a worker with the heap guard, as run's simulation: a plan simulates the site at many bandwidths.
    const report = await runGuarded({ kind: 'plan', scenario, options: {
      rpoSec: rpo.value,
      compliances: compliances.map(({ q }) => (q.ok ? q.value : 0)),
      measure: argv.measure,
      bandwidthBytesPerSec: bandwidth?.ok ? bandwidth.value : null,
      initialReplicationGoalSec: goal.value,
      seed: scenario.seed,
    } });
    console.log(formatPlan(report));
    const unachievable = report.targets.filter((t) => t.unachievable !== null).length;
    if (unachievable > 0) {
      // A target no bandwidth meets is a wrong input, not an answer: say so in the exit code, write nothing.
      console.error(`rposim plan: ${unachievable} of ${report.targets.length} targets cannot be met at any bandwidth (see above)${argv.out === undefined ? '' : `; nothing written to ${argv.out}`}`);
      return EXIT_USAGE;
    }
    if (argv.out !== undefined) {
      await endCleanlyOnSignals(() => writePlanFiles(report, argv.out!));
      if (argv.report) await reportOnFolder(argv.out);
      console.log(`Plan written to ${argv.out}`);
    }
    return EXIT_OK;
  },
};
