import { xmlAttr, xmlText } from './escape.js';

/** One bar of a chart: a label, a value and how it is shown. */
export interface Bar {
  readonly label: string;
  readonly value: number;
  readonly text: string;
  /** CSS class of the bar (its colour). */
  readonly tone: string;
}

const LABEL_WIDTH = 260;
const BAR_WIDTH = 420;
const ROW = 22;

/**
 * A horizontal bar chart as inline SVG (no script, no fonts to fetch): bars scaled to `max`, each with its value
 * written beside it, so the chart reads without colour too.
 */
export function barChart(title: string, bars: readonly Bar[], max: number): string {
  const height = bars.length * ROW + 10;
  const width = LABEL_WIDTH + BAR_WIDTH + 150;
  const rows = bars.map((bar, i) => {
    const y = i * ROW + 5;
    const length = max <= 0 ? 0 : Math.max(0, Math.min(1, bar.value / max)) * BAR_WIDTH;
    return [
      `<text x="${LABEL_WIDTH - 8}" y="${y + 15}" text-anchor="end">${xmlText(bar.label)}</text>`,
      `<rect x="${LABEL_WIDTH}" y="${y + 3}" width="${BAR_WIDTH}" height="${ROW - 6}" class="track"/>`,
      `<rect x="${LABEL_WIDTH}" y="${y + 3}" width="${length.toFixed(1)}" height="${ROW - 6}" class="${xmlAttr(bar.tone)}"><title>${xmlText(`${bar.label}: ${bar.text}`)}</title></rect>`,
      `<text x="${LABEL_WIDTH + BAR_WIDTH + 6}" y="${y + 15}">${xmlText(bar.text)}</text>`,
    ].join('');
  });
  return `<figure><figcaption>${xmlText(title)}</figcaption><svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${xmlAttr(title)}">${rows.join('')}</svg></figure>`;
}
