import { formatBytes, formatDuration } from '../../io/humanUnits.js';
import type { AlertSummary } from '../../metrics/types.js';
import type { ReportSection } from '../context.js';
import { note, table } from '../html.js';
import { byWorstRpo } from '../worstVms.js';

const MAX_ROWS = 20;
const alert = (a: AlertSummary | undefined) => (a === undefined || a.episodes === 0 ? '0' : `${a.episodes} (${formatDuration(a.seconds)})`);

/** Alerts ASR would have raised: RPO per VM, cache and pending upload per process server, throttling. */
export const alerts: ReportSection = {
  id: 'alerts',
  title: 'Alerts',
  applies: (context) => context.summary !== null,
  async render(context) {
    const summary = context.summary!;
    const withRpoAlerts = byWorstRpo(summary.vms.filter((vm) => (vm.rpoAlerts?.episodes ?? 0) > 0));
    const parts = [
      withRpoAlerts.length === 0
        ? note('No VM went past its RPO threshold.')
        : table(
            ['VM', 'RPO alerts (time)', 'throttled', 'peak not in Azure'],
            withRpoAlerts.slice(0, MAX_ROWS).map((vm) => [vm.name, alert(vm.rpoAlerts), formatDuration(vm.throttledSec), formatBytes(vm.peakUnuploadedBytes)]),
            { caption: withRpoAlerts.length > MAX_ROWS ? `The ${MAX_ROWS} worst of ${withRpoAlerts.length} VMs with RPO alerts` : 'VMs with RPO alerts' },
          ),
      table(
        ['process server', 'throttled', 'cache warning', 'cache critical', 'pending upload warning', 'pending upload critical', 'down'],
        (summary.processServers ?? []).map((ps) => [ps.name, alert(ps.throttle), alert(ps.cacheWarning), alert(ps.cacheCritical), alert(ps.pendingUploadWarning), alert(ps.pendingUploadCritical), formatDuration(ps.downSec)]),
        { caption: 'Process servers: episodes (total time)' },
      ),
    ];
    return parts.join('\n');
  },
};
