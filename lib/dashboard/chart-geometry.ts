// Where the marks of the dashboard's charts go, computed once with d3's
// scales and shapes and drawn twice: as SVG in the page
// (components/dashboard-charts.tsx) and with pdfkit's vector API in the
// funder report (lib/dashboard/funder-report-pdf.ts), whose path() takes the
// same SVG path strings. Pure.
import { max } from "d3-array";
import { scaleBand, scaleLinear, scaleUtc } from "d3-scale";
import { curveStepAfter, line } from "d3-shape";

/**
 * Okabe–Ito colours, distinguishable with the common colour-vision
 * deficiencies; every chart also tells its series apart without colour
 * (dash pattern, hatching, a label next to the mark).
 */
export const chartColours = { blue: "#0072B2", vermilion: "#D55E00", orange: "#E69F00", sky: "#56B4E9", green: "#009E73", grey: "#595959" } as const;

// The width the page's charts are drawn for: about what a chart gets in the
// page's two-column grid, so its 12-unit text reads at about 12 px on a
// desktop and 11 px on a phone. The PDF draws wider (REPORT_CHART_WIDTH).
export const CHART_WIDTH = 360;
export const REPORT_CHART_WIDTH = 480;
export const CHART_FONT_SIZE = 12;

export type Tick = { position: number; label: string };

export type CumulativePoint = { day: string; total: number };

export type LineChartGeometry = {
  width: number;
  height: number;
  plot: { left: number; top: number; right: number; bottom: number };
  /** The cumulative registrations as a step line (SVG path data). */
  path: string;
  /** Where the capacity line runs; null without capacity. */
  capacityY: number | null;
  capacity: number;
  points: (CumulativePoint & { x: number; y: number })[];
  xTicks: Tick[];
  yTicks: Tick[];
};

/** Running totals from registrations per day, in day order. */
export function cumulative(days: { day: string; registrations: number }[]): CumulativePoint[] {
  let total = 0;
  return [...days].sort((a, b) => a.day.localeCompare(b.day)).map(({ day, registrations }) => ({ day, total: (total += registrations) }));
}

const dayInstant = (day: string) => new Date(`${day}T00:00:00Z`);
const dayLabel = (instant: Date) => `${String(instant.getUTCDate()).padStart(2, "0")}.${String(instant.getUTCMonth() + 1).padStart(2, "0")}.`;

/** Cumulative registrations over calendar days, with the session's capacity as a horizontal line. */
export function cumulativeLineChart(points: CumulativePoint[], capacity: number, size = { width: CHART_WIDTH, height: 220 }): LineChartGeometry {
  // Room on the right for the last day's label, centred on its tick.
  const plot = { left: 44, top: 20, right: size.width - 28, bottom: size.height - 28 };
  const first = points[0] ? dayInstant(points[0].day) : new Date(0);
  const lastDay = points.at(-1) ? dayInstant(points.at(-1)!.day) : first;
  // One day more than the last, so the last step has a width.
  const end = new Date(lastDay.getTime() + 24 * 3600_000);
  const x = scaleUtc().domain([first, end]).range([plot.left, plot.right]);
  const y = scaleLinear()
    .domain([0, Math.max(capacity, max(points, (point) => point.total) ?? 0, 1)])
    .nice()
    .range([plot.bottom, plot.top]);
  const placed = points.map((point) => ({ ...point, x: x(dayInstant(point.day)), y: y(point.total) }));
  // Start at zero on the first day, end level at the day after the last.
  const steps: [number, number][] = [[x(first), y(0)], ...placed.map((point): [number, number] => [point.x, point.y])];
  if (placed.length > 0) steps.push([x(end), placed.at(-1)!.y]);
  const path = line().curve(curveStepAfter)(steps) ?? "";
  return {
    width: size.width,
    height: size.height,
    plot,
    path,
    capacity,
    capacityY: capacity > 0 ? y(capacity) : null,
    points: placed,
    // Days only: a short span would otherwise get hourly ticks that all read the same day.
    xTicks: x
      .ticks(5)
      .filter((tick) => tick.getUTCHours() === 0)
      .map((tick) => ({ position: x(tick), label: dayLabel(tick) })),
    yTicks: y.ticks(5).map((tick) => ({ position: y(tick), label: String(tick) })),
  };
}

export type BarRow = { label: string; values: number[] };

export type BarChartGeometry = {
  width: number;
  height: number;
  plot: { left: number; top: number; right: number; bottom: number };
  rows: {
    label: string;
    /** Baseline of the row's label, which stands above its bars. */
    labelY: number;
    bars: { series: number; value: number; x: number; y: number; width: number; height: number }[];
  }[];
  xTicks: Tick[];
};

/**
 * Horizontal bars, one group per row with a bar per series; each row's label
 * stands above its bars so that long names (a workshop and its date) fit on
 * a phone. Values are printed at the bar ends by the renderers.
 */
export function horizontalBarChart(rows: BarRow[], seriesCount: number, options: { width?: number } = {}): BarChartGeometry {
  const width = options.width ?? CHART_WIDTH;
  const labelSpace = CHART_FONT_SIZE + 6;
  const barHeight = 16;
  const rowHeight = labelSpace + barHeight * seriesCount + 10;
  const plot = { left: 8, top: 4, right: width - 48, bottom: 4 + rowHeight * rows.length };
  const height = plot.bottom + 24;
  const band = scaleBand<number>()
    .domain(rows.map((_, index) => index))
    .range([plot.top, plot.bottom]);
  const series = scaleBand<number>()
    .domain(Array.from({ length: seriesCount }, (_, index) => index))
    .range([0, barHeight * seriesCount])
    .paddingInner(0.15);
  const x = scaleLinear()
    .domain([0, Math.max(max(rows, (row) => max(row.values)) ?? 0, 1)])
    .nice()
    .range([plot.left, plot.right]);
  return {
    width,
    height,
    plot,
    rows: rows.map((row, index) => {
      const top = band(index)!;
      return {
        label: row.label,
        labelY: top + CHART_FONT_SIZE,
        bars: row.values.map((value, seriesIndex) => ({
          series: seriesIndex,
          value,
          x: x(0),
          y: top + labelSpace + series(seriesIndex)!,
          width: x(value) - x(0),
          height: series.bandwidth(),
        })),
      };
    }),
    // Counts: whole numbers only (a domain of 0..2 would otherwise get 0.5 steps).
    xTicks: x
      .ticks(5)
      .filter(Number.isInteger)
      .map((tick) => ({ position: x(tick), label: String(tick) })),
  };
}
