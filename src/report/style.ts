/** The report's only styling: system fonts (nothing to fetch), readable on screen and on paper. */
export const STYLE = `
:root { color-scheme: light; }
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; color: #222; margin: 0 auto; max-width: 860px; padding: 24px; }
h1 { font-size: 22px; margin: 0 0 4px; }
h2 { font-size: 17px; margin: 32px 0 8px; border-bottom: 1px solid #ddd; padding-bottom: 4px; }
h3 { font-size: 14px; margin: 18px 0 4px; }
.subtitle { color: #555; margin: 0 0 12px; }
nav ol { columns: 2; padding-left: 20px; color: #555; }
nav a { color: #1f5fa8; text-decoration: none; }
.cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(190px, 1fr)); gap: 10px; margin: 12px 0; }
.card { border: 1px solid #ddd; border-radius: 6px; padding: 8px 10px; break-inside: avoid; }
.card .label { font-size: 12px; color: #555; }
.card .value { font-size: 20px; font-weight: 600; margin: 2px 0; font-variant-numeric: tabular-nums; }
.card .detail { font-size: 11px; color: #666; }
figure { margin: 12px 0 18px; break-inside: avoid; }
figure svg { max-width: 100%; height: auto; }
figcaption { font-size: 12px; color: #555; margin-top: 4px; }
table { border-collapse: collapse; margin: 8px 0 16px; font-size: 12.5px; width: 100%; break-inside: auto; }
caption { text-align: left; font-size: 12px; color: #555; padding-bottom: 4px; }
th, td { border-bottom: 1px solid #eee; padding: 3px 8px 3px 0; text-align: left; vertical-align: top; }
th { font-weight: 600; border-bottom: 1px solid #ccc; }
.num { text-align: right; font-variant-numeric: tabular-nums; }
.note { font-size: 12px; color: #666; }
.default { font-size: 10px; color: #999; font-style: italic; }
table.inputs td:first-child { color: #444; width: 34%; word-break: break-word; }
.card .value { font-size: 18px; }
footer { margin-top: 32px; font-size: 11px; color: #888; }
@media print { body { padding: 0; max-width: none; } nav { display: none; } h2 { break-after: avoid; } }
@page { margin: 15mm; }
`;
