import { figures, type Figures } from '../../io/failoverFigures.js';
import { formatCount, formatDuration, formatPercent } from '../../io/humanUnits.js';
import type { ReportSection } from '../context.js';
import { failoverDigest } from '../failoverDigest.js';
import { card, cards } from '../html.js';
import { byWorstRpo } from '../worstVms.js';

const plusMinus = (f: Figures) => (f.halfWidth === null ? '' : ` ±${formatDuration(f.halfWidth)}`);

/** The figures a steering committee asks first: how bad the worst VM gets, what each failover choice costs. */
export const runHeadline: ReportSection = {
  id: 'headline',
  title: 'At a glance',
  applies: (context) => context.summary !== null,
  async render(context) {
    const summary = context.summary!;
    const worst = byWorstRpo(summary.vms)[0];
    const threshold = context.resolved?.scenario.policy?.rpoThresholdSec;
    const items: string[] = [];
    if (worst !== undefined) {
      const within = worst.rpo.fractionWithinThreshold;
      items.push(card('Worst VM: time within the RPO threshold', formatPercent(within), `${worst.name}${threshold === undefined ? '' : `, threshold ${formatDuration(threshold)}`}`, 'worst-rpo-compliance', within));
      items.push(card('Worst VM: RPO p95', formatDuration(worst.rpo.p95), `${worst.name}, max ${formatDuration(worst.rpo.max)}`, 'worst-rpo-p95', worst.rpo.p95));
    }
    const disasters = summary.disasterTimesSec?.length ?? 0;
    items.push(card('Disasters probed', String(disasters), `${formatCount(summary.vms.length, 'VM')}, each failed over at every disaster`, 'disasters', disasters));
    if (context.folder.files.has('failovers.csv')) {
      for (const choice of await context.once('failovers', () => failoverDigest(context))) {
        const loss = figures(choice.dataLossSec);
        const down = figures(choice.downtimeSec);
        const detail = `${choice.available}/${choice.total} with a point`;
        items.push(card(`Data loss · ${choice.choice}`, `${formatDuration(loss.mean)}${plusMinus(loss)}`, `mean ±95% CI; p95 ${formatDuration(loss.p95)}; ${detail}`, `data-loss-mean:${choice.choice}`, loss.mean));
        items.push(card(`Downtime · ${choice.choice}`, `${formatDuration(down.mean)}${plusMinus(down)}`, `mean ±95% CI; p95 ${formatDuration(down.p95)}`, `downtime-mean:${choice.choice}`, down.mean));
      }
    }
    return cards(items);
  },
};
