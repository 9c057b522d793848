// Small HTML builders for the report. Every text that comes from a results folder goes through escapeHtml.

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** A table; cells are text (escaped). `numeric` columns are right-aligned. */
export function table(headers: string[], rows: string[][], options: { numeric?: number[]; caption?: string } = {}): string {
  const numeric = new Set(options.numeric ?? headers.map((_, i) => i).slice(1));
  const cell = (tag: string, text: string, i: number) => `<${tag}${numeric.has(i) ? ' class="num"' : ''}>${escapeHtml(text)}</${tag}>`;
  const caption = options.caption === undefined ? '' : `<caption>${escapeHtml(options.caption)}</caption>`;
  return (
    `<table>${caption}<thead><tr>${headers.map((h, i) => cell('th', h, i)).join('')}</tr></thead>` +
    `<tbody>${rows.map((row) => `<tr>${row.map((c, i) => cell('td', c, i)).join('')}</tr>`).join('')}</tbody></table>`
  );
}

/**
 * A headline figure. data-figure names it and data-value holds the number it shows, so that a test (or a
 * script) can check the page against the results files.
 */
export function card(label: string, value: string, detail: string, figure: string, raw: number | null): string {
  return (
    `<div class="card" data-figure="${escapeHtml(figure)}" data-value="${raw === null ? '' : String(raw)}">` +
    `<div class="label">${escapeHtml(label)}</div><div class="value">${escapeHtml(value)}</div>` +
    `<div class="detail">${escapeHtml(detail)}</div></div>`
  );
}

export const cards = (items: string[]) => `<div class="cards">${items.join('')}</div>`;

export const paragraph = (text: string) => `<p>${escapeHtml(text)}</p>`;

export const note = (text: string) => `<p class="note">${escapeHtml(text)}</p>`;
