/** The HTML report's whole style sheet, inlined: the file opens without network. */
export const HTML_STYLE = `
:root { --pass: #1a7f37; --fail: #cf222e; --known: #bf8700; --na: #8c959f; --unchecked: #c8ccd1; --ink: #1f2328; --muted: #59636e; }
* { box-sizing: border-box; }
body { font: 14px/1.5 system-ui, sans-serif; color: var(--ink); margin: 0 auto; padding: 24px; max-width: 1200px; }
h1 { font-size: 22px; margin: 0 0 4px; } h2 { font-size: 18px; border-bottom: 1px solid #d1d9e0; padding-bottom: 4px; margin-top: 32px; }
h3 { font-size: 15px; margin: 20px 0 6px; word-break: break-all; }
.meta { color: var(--muted); margin: 0 0 16px; }
.verdict-failed { color: var(--fail); } .verdict-passed { color: var(--pass); }
dl.totals { display: grid; grid-template-columns: repeat(auto-fill, minmax(130px, 1fr)); gap: 8px; margin: 16px 0; }
dl.totals div { border: 1px solid #d1d9e0; border-radius: 6px; padding: 8px 12px; }
dl.totals dt { color: var(--muted); font-size: 12px; } dl.totals dd { margin: 0; font-size: 22px; font-weight: 600; }
table { border-collapse: collapse; width: 100%; margin: 8px 0; }
th, td { text-align: left; padding: 4px 8px; border-bottom: 1px solid #eaeef2; vertical-align: top; }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
.cells { display: flex; flex-wrap: wrap; gap: 3px; }
.cell { display: inline-block; width: 14px; height: 14px; border-radius: 2px; }
.v-passed, rect.v-passed { background: var(--pass); fill: var(--pass); } .v-failed, rect.v-failed { background: var(--fail); fill: var(--fail); }
.v-known-failing, rect.v-known-failing { background: var(--known); fill: var(--known); } .v-not-applicable { background: var(--na); }
.v-not-checked { background: var(--unchecked); } rect.duration { fill: #0969da; } rect.track { fill: #f0f2f4; }
.badge { display: inline-block; padding: 0 6px; border-radius: 10px; color: #fff; font-size: 12px; white-space: nowrap; }
.badge.v-not-checked { color: var(--ink); }
.legend span { margin-right: 12px; } .legend .cell { vertical-align: middle; margin-right: 4px; }
figure { margin: 12px 0; overflow-x: auto; } figcaption { font-weight: 600; margin-bottom: 4px; }
svg.chart text { font: 12px system-ui, sans-serif; fill: var(--ink); }
.failure { border: 1px solid #ffcecb; border-left: 4px solid var(--fail); border-radius: 6px; padding: 8px 12px; margin: 12px 0; }
.failure.known { border-color: #f5e0a0; border-left-color: var(--known); }
blockquote { margin: 6px 0; padding: 2px 10px; border-left: 3px solid #d1d9e0; color: var(--muted); }
pre { background: #f6f8fa; padding: 8px; border-radius: 6px; overflow-x: auto; white-space: pre-wrap; word-break: break-all; margin: 4px 0; }
code { font: 12px ui-monospace, monospace; }
.problem { color: var(--fail); }
details summary { cursor: pointer; }
`;

/** No network at all: the report is one file that opens offline. */
const POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

/** A whole self-contained page: the head (policy, inline style, `title`) and the body's HTML. */
export function htmlPage(title: string, body: string): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${POLICY}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<style>${HTML_STYLE}</style>
</head>
<body>
${body}
</body>
</html>
`;
}
