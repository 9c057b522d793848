import { formatBytes, formatDuration } from '../../io/humanUnits.js';
import { chart } from '../chart.js';
import type { ReportSection } from '../context.js';
import { note, table } from '../html.js';
import { timeUnit } from '../scales.js';

const MAX_VMS = 40;
const STATES = ['protected', 'unprotected', 'down'];
const COLOURS = ['#59a14f', '#f28e2b', '#e15759'];

interface Bar {
  vm: string;
  phase: string;
  start: number;
  end: number;
  state: string;
}

/** The failover–failback cycle: a Gantt of each VM's phases, coloured by protection (lifecycle.csv). */
export const cycle: ReportSection = {
  id: 'cycle',
  title: 'Failover–failback cycle',
  applies: (context) => context.folder.files.has('lifecycle.csv'),
  async render(context) {
    const phases: Array<Omit<Bar, 'start' | 'end'> & { startSec: number; endSec: number }> = [];
    const vms: string[] = [];
    for await (const row of context.folder.rows('lifecycle.csv')) {
      const vm = row['vm'] ?? '';
      if (!vms.includes(vm)) {
        if (vms.length === MAX_VMS) continue;
        vms.push(vm);
      }
      const state = row['down'] === 'true' ? 'down' : row['protected'] === 'true' ? 'protected' : 'unprotected';
      phases.push({ vm, phase: row['phase'] ?? '', startSec: Number(row['start_s']), endSec: Number(row['end_s']), state });
    }
    const origin = Math.min(...phases.map((p) => p.startSec));
    const unit = timeUnit(Math.max(...phases.map((p) => p.endSec)) - origin);
    const bars: Bar[] = phases.map(({ startSec, endSec, ...rest }) => ({ ...rest, start: (startSec - origin) / unit.divisor, end: (endSec - origin) / unit.divisor }));
    const span = Math.max(...bars.map((b) => b.end));
    const labelled = bars.filter((b) => b.end - b.start >= span / 12);
    const parts = [
      await chart('cycle-gantt', `Each VM's phases from the planned failover on (${unit.unit} after ${formatDuration(origin)} of simulated time): green while a recovery point can be taken, orange while unprotected, red while the application is down.`, {
        height: Math.max(40, 22 * vms.length),
        layer: [
          {
            data: { values: bars },
            mark: { type: 'bar', stroke: 'white', strokeWidth: 0.5 },
            encoding: {
              y: { field: 'vm', type: 'nominal', title: null, sort: vms },
              x: { field: 'start', type: 'quantitative', title: `${unit.unit} since the cycle's failover` },
              x2: { field: 'end' },
              color: { field: 'state', type: 'nominal', title: null, scale: { domain: STATES, range: COLOURS } },
            },
          },
          {
            data: { values: labelled.map((b) => ({ ...b, middle: (b.start + b.end) / 2 })) },
            mark: { type: 'text', fontSize: 9, color: 'white' },
            encoding: { y: { field: 'vm', type: 'nominal', sort: vms }, x: { field: 'middle', type: 'quantitative' }, text: { field: 'phase' } },
          },
        ],
      }),
    ];
    const totals = context.summary?.cycle?.vms ?? [];
    if (totals.length > 0) {
      parts.push(
        table(
          ['VM', 'downtime', 'data loss', 'bytes lost', 'unprotected', 'longest phase'],
          totals.slice(0, MAX_VMS).map((t) => [t.name, formatDuration(t.downtimeSec), formatDuration(t.dataLossSec), formatBytes(t.dataLossBytes), formatDuration(t.unprotectedSec), `${t.longestPhase.phase} (${formatDuration(t.longestPhase.durationSec)})`]),
          { caption: 'What the whole cycle cost each VM' },
        ),
      );
    }
    if (vms.length === MAX_VMS) parts.push(note(`The first ${MAX_VMS} VMs are shown; lifecycle.csv has every VM.`));
    return parts.join('\n');
  },
};
