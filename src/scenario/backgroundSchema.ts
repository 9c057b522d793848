// Background traffic on an uplink: other traffic that takes its part of the link before replication does.
import { churnListSchema, type TraceTable } from './churnSchema.js';
import { fractionField, oneOf } from './fields.js';
import type { BackgroundTraffic } from './types.js';

/**
 * `{ priority: [rate profile components] }`: strict priority, the other traffic takes its rate first (a backup
 * window, daily business traffic, a measured trace); or `{ share: 30% }`: a QoS policy reserves that fraction of
 * the bandwidth for other traffic. Rates are on the wire, like the bandwidth (`20 Mbps`).
 */
export function backgroundSchema(traces: TraceTable) {
  return oneOf(
    {
      priority: churnListSchema(traces, { rateProfile: true }).optional(),
      share: fractionField().optional(),
    },
    'background traffic',
  ).transform((b): BackgroundTraffic => (b.priority !== undefined ? { kind: 'priority', rate: b.priority } : { kind: 'share', shareFraction: b.share! }));
}
