import { chart } from '../chart.js';
import type { ReportSection } from '../context.js';
import { note } from '../html.js';
import { byWorstRpo } from '../worstVms.js';

/** More VMs than this and the chart shows the worst ones only. */
const MAX_BARS = 30;

/** Recovery points each VM had at the end of the run, against those it created (summary.json). */
export const retention: ReportSection = {
  id: 'retention',
  title: 'Recovery points at the end of the run',
  applies: (context) => (context.summary?.vms.length ?? 0) > 0,
  async render(context) {
    const vms = context.summary!.vms;
    const shown = vms.length <= MAX_BARS ? vms : byWorstRpo(vms).slice(0, MAX_BARS);
    const values = shown.map((vm) => ({ vm: vm.name, points: vm.recoveryPointsRetainedAtEnd }));
    const policy = context.resolved?.scenario.policy;
    const grid = policy === undefined ? '' : ' Retention keeps every point of the last 2 hours, then one per hour (retention ≤ 1 day), per 2 hours (≤ 7 days) or per 4 hours beyond, within the retention window, plus the newest point and the newest app-consistent point.';
    const svg = await chart('retained-points', `Recovery points retained at the end of the run per VM (a failover can choose among these).${grid}`, {
      height: Math.max(40, 18 * shown.length),
      data: { values },
      mark: { type: 'bar', color: '#59a14f' },
      encoding: {
        y: { field: 'vm', type: 'nominal', title: null, sort: null },
        x: { field: 'points', type: 'quantitative', title: 'recovery points retained', axis: { tickMinStep: 1, format: 'd' } },
      },
    });
    const created = vms.reduce((s, vm) => s + vm.recoveryPointsCreated, 0);
    const which = vms.length > MAX_BARS ? ` The ${MAX_BARS} VMs with the lowest RPO compliance are shown.` : '';
    return svg + note(`${created} recovery points were created over the run in all.${which}`);
  },
};
