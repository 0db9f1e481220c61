/** Minimal SVG charts for the report: no dependency, readable on GitHub. */

export interface Series {
  label: string;
  points: Array<{ x: number; y: number }>;
}

const WIDTH = 720;
const HEIGHT = 400;
const MARGIN = { top: 40, right: 200, bottom: 50, left: 70 };
const COLORS = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b', '#e377c2'];

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Round numbers for an axis from 0 to at least `max`. */
function ticks(max: number): number[] {
  const raw = max / 5;
  const magnitude = 10 ** Math.floor(Math.log10(raw || 1));
  const step = [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= raw) ?? raw;
  const count = Math.max(1, Math.ceil(max / step));
  return Array.from({ length: count + 1 }, (_, i) => i * step);
}

function frame(
  title: string,
  yLabel: string,
  yTicks: number[],
  scaleY: (y: number) => number,
): string[] {
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" font-family="sans-serif" font-size="12">`,
    `<rect width="100%" height="100%" fill="white"/>`,
    `<text x="${WIDTH / 2}" y="22" text-anchor="middle" font-size="15">${escape(title)}</text>`,
    `<text transform="translate(16 ${HEIGHT / 2}) rotate(-90)" text-anchor="middle">${escape(yLabel)}</text>`,
  ];
  for (const tick of yTicks) {
    const y = scaleY(tick);
    parts.push(
      `<line x1="${MARGIN.left}" x2="${WIDTH - MARGIN.right}" y1="${y}" y2="${y}" stroke="#ddd"/>`,
      `<text x="${MARGIN.left - 6}" y="${y + 4}" text-anchor="end">${tick}</text>`,
    );
  }
  return parts;
}

function legend(labels: string[]): string[] {
  return labels.map((label, i) => {
    const y = MARGIN.top + 10 + i * 20;
    const x = WIDTH - MARGIN.right + 15;
    return `<rect x="${x}" y="${y - 9}" width="12" height="12" fill="${COLORS[i % COLORS.length]}"/><text x="${x + 18}" y="${y + 1}">${escape(label)}</text>`;
  });
}

/** Lines over numeric x values (e.g. concurrency), placed evenly. */
export function lineChart(title: string, xLabel: string, yLabel: string, series: Series[]): string {
  const xs = [...new Set(series.flatMap((s) => s.points.map((p) => p.x)))].sort((a, b) => a - b);
  const yTicks = ticks(Math.max(1, ...series.flatMap((s) => s.points.map((p) => p.y))));
  const plotWidth = WIDTH - MARGIN.left - MARGIN.right;
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const scaleY = (y: number) =>
    MARGIN.top + plotHeight - (y / yTicks[yTicks.length - 1]) * plotHeight;
  const scaleX = (x: number) =>
    MARGIN.left + (xs.length === 1 ? plotWidth / 2 : (xs.indexOf(x) / (xs.length - 1)) * plotWidth);
  const parts = frame(title, yLabel, yTicks, scaleY);
  for (const x of xs) {
    parts.push(
      `<text x="${scaleX(x)}" y="${HEIGHT - MARGIN.bottom + 18}" text-anchor="middle">${x}</text>`,
    );
  }
  parts.push(
    `<text x="${MARGIN.left + plotWidth / 2}" y="${HEIGHT - 10}" text-anchor="middle">${escape(xLabel)}</text>`,
  );
  series.forEach((s, i) => {
    const color = COLORS[i % COLORS.length];
    const points = s.points.map((p) => `${scaleX(p.x).toFixed(1)},${scaleY(p.y).toFixed(1)}`);
    parts.push(
      `<polyline fill="none" stroke="${color}" stroke-width="2" points="${points.join(' ')}"/>`,
    );
    for (const p of s.points) {
      parts.push(
        `<circle cx="${scaleX(p.x).toFixed(1)}" cy="${scaleY(p.y).toFixed(1)}" r="3" fill="${color}"/>`,
      );
    }
  });
  parts.push(...legend(series.map((s) => s.label)), '</svg>');
  return `${parts.join('\n')}\n`;
}

/** Grouped bars: one group per category, one bar per series. */
export function barChart(
  title: string,
  yLabel: string,
  categories: string[],
  series: Series[],
): string {
  const yTicks = ticks(Math.max(1, ...series.flatMap((s) => s.points.map((p) => p.y))));
  const plotWidth = WIDTH - MARGIN.left - MARGIN.right;
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const scaleY = (y: number) =>
    MARGIN.top + plotHeight - (y / yTicks[yTicks.length - 1]) * plotHeight;
  const groupWidth = plotWidth / Math.max(1, categories.length);
  const barWidth = (groupWidth * 0.8) / Math.max(1, series.length);
  const parts = frame(title, yLabel, yTicks, scaleY);
  categories.forEach((category, c) => {
    const x0 = MARGIN.left + c * groupWidth + groupWidth * 0.1;
    parts.push(
      `<text x="${x0 + groupWidth * 0.4}" y="${HEIGHT - MARGIN.bottom + 18}" text-anchor="middle">${escape(category)}</text>`,
    );
    series.forEach((s, i) => {
      const point = s.points.find((p) => p.x === c);
      if (!point) return;
      const y = scaleY(point.y);
      parts.push(
        `<rect x="${(x0 + i * barWidth).toFixed(1)}" y="${y.toFixed(1)}" width="${(barWidth - 2).toFixed(1)}" height="${(MARGIN.top + plotHeight - y).toFixed(1)}" fill="${COLORS[i % COLORS.length]}"><title>${escape(`${s.label}: ${point.y.toFixed(1)}`)}</title></rect>`,
      );
    });
  });
  parts.push(...legend(series.map((s) => s.label)), '</svg>');
  return `${parts.join('\n')}\n`;
}
