// Charts are Vega-Lite specifications rendered to SVG at generation time by vega's headless renderer: the
// report carries no script and fetches nothing, so it opens offline and prints.
import type { TopLevelSpec } from 'vega-lite';
import { escapeHtml } from './html.js';

export const CHART_WIDTH = 760;

const CONFIG = {
  font: 'Helvetica, Arial, sans-serif',
  background: 'white',
  view: { stroke: '#ddd' },
  axis: { labelFontSize: 11, titleFontSize: 11, titleFontWeight: 'normal', gridColor: '#eee', labelLimit: 220 },
  legend: { orient: 'bottom', labelFontSize: 11, titleFontSize: 11, titleFontWeight: 'normal', labelLimit: 260 },
  title: { fontSize: 12, anchor: 'start' },
} as const;

/** The SVG of a Vega-Lite specification (its data inline). */
export async function renderSvg(spec: TopLevelSpec): Promise<string> {
  // Faceted specifications size their panels themselves.
  const size = 'facet' in spec ? {} : { width: CHART_WIDTH, height: 220 };
  const withConfig = { ...size, ...spec, config: { ...CONFIG, ...(spec.config ?? {}) } } as TopLevelSpec;
  // Loaded here, not at start-up: vega alone takes about 0.35 s to load, which every other command would pay.
  const [vega, { compile }] = await Promise.all([import('vega'), import('vega-lite')]);
  const view = new vega.View(vega.parse(compile(withConfig).spec), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

/** A chart in a figure: data-chart names it (tests check that every chart is there and has marks). */
export async function chart(id: string, caption: string, spec: TopLevelSpec): Promise<string> {
  const svg = await renderSvg(spec);
  return `<figure class="chart" data-chart="${escapeHtml(id)}">${svg}<figcaption>${escapeHtml(caption)}</figcaption></figure>`;
}
