import { access } from 'node:fs/promises';
import { type CliCommand, EXIT_OK, EXIT_USAGE } from './command.js';
import { runProgress } from './runProgress.js';

/**
 * Writes the report, showing on a terminal how far each CSV file is read once that takes a second (a large
 * run's failovers.csv takes most of its report's time). The module is loaded when a report is asked for: the
 * charting library would slow down the start of every command.
 */
async function writeReport(folder: string, out?: string): Promise<string> {
  const { writeReport: write } = await import('../io/writeReport.js');
  const reading: { name: string; progress: ReturnType<typeof runProgress> | null } = { name: '', progress: null };
  const onRead = (name: string, fraction: number) => {
    if (reading.name !== name || reading.progress === null) {
      reading.progress?.finish();
      reading.name = name;
      reading.progress = runProgress(process.stderr, `report: ${name}`, 'read');
    }
    reading.progress.update(fraction);
  };
  try {
    return await write(folder, out, onRead);
  } finally {
    reading.progress?.finish();
  }
}

interface ReportArgs {
  folder: string;
  out: string | undefined;
}

const RESULT_FILES = ['summary.json', 'plan.json', 'sweep.json'];

/** Adds --report to run, sweep and plan: the same report, written into their output folder. */
export const reportOption = { type: 'boolean', default: false, describe: 'Also write report.html (charts, tables, inputs) into the output folder' } as const;

/** Writes the report of a folder just written by a command and says where it is. */
export async function reportOnFolder(folder: string): Promise<void> {
  const out = await writeReport(folder);
  console.error(`Report written to ${out}`);
}

export const reportCommand: CliCommand<ReportArgs> = {
  command: 'report <folder>',
  describe: 'Write a self-contained HTML report (charts as SVG, works offline and on paper) of a run, plan or sweep folder',
  builder: (yargs) =>
    yargs
      .positional('folder', { type: 'string', demandOption: true, describe: 'Results folder (of rposim run, plan --out or sweep)' })
      .option('out', { type: 'string', describe: 'Report file; default: <folder>/report.html' }) as never,
  async handler(argv) {
    const found = await Promise.all(RESULT_FILES.map((name) => access(`${argv.folder}/${name}`).then(() => true, () => false)));
    if (!found.some(Boolean)) {
      console.error(`rposim report: ${argv.folder}: expected a results folder holding one of ${RESULT_FILES.join(', ')}, found none`);
      return EXIT_USAGE;
    }
    const out = await writeReport(argv.folder, argv.out);
    console.log(`Report written to ${out}`);
    return EXIT_OK;
  },
};
