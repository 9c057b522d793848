import { formatBytes, formatDuration, formatPercent } from '../../io/humanUnits.js';
import { scenarioFields } from '../../scenario/resolvedScenario.js';
import type { ReportSection } from '../context.js';
import { escapeHtml, note } from '../html.js';

type Format = (value: number) => string;

const rate: Format = (v) => `${formatBytes(v)}/s`;
const bandwidth: Format = (v) => `${(v * 8 / 1e6).toPrecision(4).replace(/\.?0+$/, '')} Mbps (${rate(v)})`;
const plain: Format = (v) => String(v);

/** The unit of a field, from its name (types.ts: units in names). */
function unitOf(key: string): Format {
  if (/bandwidthBytesPerSec$/.test(key)) return bandwidth;
  if (/BytesPerSec$/.test(key)) return rate;
  if (/Bytes$/.test(key)) return formatBytes;
  if (/Sec$/.test(key)) return formatDuration;
  if (/Fraction$/.test(key)) return formatPercent;
  return plain;
}

type Obj = Record<string, unknown>;

function distribution(d: Obj, unit: Format): string | null {
  switch (d['kind']) {
    case 'fixed':
      return unit(d['value'] as number);
    case 'uniform':
      return `uniform ${unit(d['min'] as number)} – ${unit(d['max'] as number)}`;
    case 'exponential':
      return `exponential, mean ${unit(d['mean'] as number)}`;
    case 'normal':
    case 'lognormal':
      return `${d['kind']}, mean ${unit(d['mean'] as number)}, sd ${unit(d['sd'] as number)}`;
    default:
      return null;
  }
}

function churn(c: Obj): string {
  switch (c['kind']) {
    case 'constant':
      return `constant ${rate(c['rateBytesPerSec'] as number)}`;
    case 'dailyProfile': {
      const rates = c['hourlyRatesBytesPerSec'] as number[];
      const peak = Math.max(...rates);
      return `daily profile: mean ${rate(rates.reduce((s, r) => s + r, 0) / rates.length)}, peak ${rate(peak)} at ${rates.indexOf(peak)}:00`;
    }
    case 'onOff':
      return `on/off: ${rate(c['peakBytesPerSec'] as number)} while on, mean on ${formatDuration(c['meanOnSec'] as number)}, mean off ${formatDuration(c['meanOffSec'] as number)}`;
    case 'poissonBursts':
      return `bursts every ${formatDuration(c['meanIntervalSec'] as number)} on average, of ${distribution(c['sizeBytes'] as Obj, formatBytes)}`;
    case 'trace':
      return `trace ${c['source']}: ${c['intervals']} intervals, ${formatBytes(c['totalBytes'] as number)}${c['loop'] ? ', repeated' : ''}`;
    default:
      return JSON.stringify(c);
  }
}

/** A field's value in human units (the unit read from its name). */
export function formatField(path: string, value: unknown): string {
  const key = path.replace(/\[\d+\]$/, '').split('.').at(-1)!;
  const unit = unitOf(key);
  if (value === null || value === undefined) return 'none';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'number') return unit(value);
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) {
    if (key === 'churn') return value.map((c) => churn(c as Obj)).join(' + ');
    const shown = value.slice(0, 8).map((v) => formatField(key, v));
    return value.length === 0 ? 'none' : `${shown.join(', ')}${value.length > 8 ? `, … (${value.length} in all)` : ''}`;
  }
  const d = distribution(value as Obj, unit);
  if (d !== null) return d;
  return Object.entries(value as Obj)
    .map(([k, v]) => `${k} ${formatField(k, v)}`)
    .join(', ');
}

/** VMs that differ only by name are one column ("web-1 … web-3"): a 1,000-VM site is usually a few kinds. */
function vmGroups(vms: Obj[]): Map<number, string> {
  const groups = new Map<string, { names: string[]; index: number }>();
  vms.forEach((vm, index) => {
    const { name: _, ...rest } = vm;
    const key = JSON.stringify(rest);
    const group = groups.get(key);
    if (group) group.names.push(String(vm['name']));
    else groups.set(key, { names: [String(vm['name'])], index });
  });
  return new Map(
    [...groups.values()].map(({ names, index }) => [
      index,
      names.length === 1 ? names[0]! : names.length === 2 ? `${names[0]}, ${names[1]}` : `${names[0]} … ${names.at(-1)} (${names.length} VMs)`,
    ]),
  );
}

interface Cell {
  text: string;
  isDefault: boolean;
}

const cellHtml = (cell: Cell | undefined) =>
  cell === undefined ? '<td></td>' : `<td>${escapeHtml(cell.text)}${cell.isDefault ? ' <span class="default">default</span>' : ''}</td>`;

/** Rows are fields; columns are the items of a list (uplinks, VM kinds, ...), a few per table. */
function matrix(columns: string[], fields: Map<string, Map<string, Cell>>): string {
  const tables: string[] = [];
  for (let start = 0; start < Math.max(1, columns.length); start += COLUMNS_PER_TABLE) {
    const shown = columns.slice(start, start + COLUMNS_PER_TABLE);
    const head = `<tr><th>field</th>${shown.map((c) => `<th>${escapeHtml(c)}</th>`).join('')}</tr>`;
    const body = [...fields].map(([field, cells]) => `<tr><td>${escapeHtml(field)}</td>${shown.map((c) => cellHtml(cells.get(c))).join('')}</tr>`);
    tables.push(`<table class="inputs"><thead>${head}</thead><tbody>${body.join('')}</tbody></table>`);
  }
  return tables.join('\n');
}

const COLUMNS_PER_TABLE = 4;

/** The scenario as it ran (scenario.resolved.json): every field with its unit, defaults marked. */
export const inputs: ReportSection = {
  id: 'inputs',
  title: 'Inputs',
  applies: (context) => context.resolved !== null,
  async render(context) {
    const { scenario, defaults } = context.resolved!;
    const isDefault = new Set(defaults);
    const vmColumns = vmGroups((scenario.vms ?? []) as unknown as Obj[]);
    // section → columns → field → cell; a section that is not a list has the one column "value".
    const sections = new Map<string, { columns: string[]; fields: Map<string, Map<string, Cell>> }>();
    for (const [path, value] of scenarioFields(scenario)) {
      const item = /^([^.[]+)\[(\d+)\]\.(.*)$/.exec(path);
      const section = item ? item[1]! : path.includes('.') ? path.slice(0, path.indexOf('.')) : 'scenario';
      let column = 'value';
      if (item) {
        const index = Number(item[2]);
        const vmColumn = vmColumns.get(index);
        if (section === 'vms' && vmColumn === undefined) continue;
        column = section === 'vms' ? vmColumn! : String(((scenario as unknown as Record<string, Obj[]>)[section]?.[index] ?? {})['name'] ?? index);
      }
      const field = item ? item[3]! : section === 'scenario' ? path : path.slice(section.length + 1);
      const entry = sections.get(section) ?? { columns: [] as string[], fields: new Map<string, Map<string, Cell>>() };
      if (!entry.columns.includes(column)) entry.columns.push(column);
      const cells = entry.fields.get(field) ?? new Map<string, Cell>();
      cells.set(column, { text: formatField(path, value), isDefault: isDefault.has(path) });
      entry.fields.set(field, cells);
      sections.set(section, entry);
    }
    return [
      note('Every field of the scenario as it ran, in human units (field names carry the base unit). "default" marks a value equal to the format\'s built-in default (README: assumptions and where each default comes from).'),
      ...[...sections].map(([section, { columns, fields }]) => `<h3>${escapeHtml(section)}</h3>${matrix(columns, fields)}`),
    ].join('\n');
  },
};
