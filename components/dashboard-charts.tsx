// The dashboard's charts as server-rendered SVG: presentation attributes
// only (no style attributes, no script), so they render without JavaScript,
// under the strict CSP and in print. Each chart is named by its figure
// caption and followed by its data as a table (the text alternative).
import { CHART_FONT_SIZE, chartColours, type BarChartGeometry, type LineChartGeometry } from "@/lib/dashboard/chart-geometry";

const ink = "#1a1a1a";
const gridGrey = "#d0d0d0";

export function CumulativeChartSvg({ id, geometry, label, capacityLabel }: { id: string; geometry: LineChartGeometry; label: string; capacityLabel: string }) {
  const { plot } = geometry;
  const last = geometry.points.at(-1);
  return (
    <svg viewBox={`0 0 ${geometry.width} ${geometry.height}`} className="chart__svg" role="img" aria-labelledby={`${id}-title`} fontSize={CHART_FONT_SIZE}>
      <title id={`${id}-title`}>{label}</title>
      {geometry.yTicks.map((tick) => (
        <g key={`y${tick.label}`}>
          <line x1={plot.left} x2={plot.right} y1={tick.position} y2={tick.position} stroke={gridGrey} strokeWidth={1} />
          <text x={plot.left - 6} y={tick.position} dy="0.32em" textAnchor="end" fill={ink}>
            {tick.label}
          </text>
        </g>
      ))}
      {geometry.xTicks.map((tick) => (
        <g key={`x${tick.position}`}>
          <line x1={tick.position} x2={tick.position} y1={plot.bottom} y2={plot.bottom + 4} stroke={ink} strokeWidth={1} />
          <text x={tick.position} y={plot.bottom + 18} textAnchor="middle" fill={ink}>
            {tick.label}
          </text>
        </g>
      ))}
      <line x1={plot.left} x2={plot.right} y1={plot.bottom} y2={plot.bottom} stroke={ink} strokeWidth={1} />
      {geometry.capacityY !== null ? (
        <g>
          <line
            x1={plot.left}
            x2={plot.right}
            y1={geometry.capacityY}
            y2={geometry.capacityY}
            stroke={chartColours.vermilion}
            strokeWidth={2}
            strokeDasharray="6 4"
          />
          <text x={plot.left + 4} y={geometry.capacityY - 5} fill={ink}>
            {capacityLabel}
          </text>
        </g>
      ) : null}
      <path d={geometry.path} fill="none" stroke={chartColours.blue} strokeWidth={2.5} />
      {last ? (
        <text x={Math.min(last.x + 4, plot.right - 4)} y={last.y - 6} textAnchor="start" fill={chartColours.blue} fontWeight="bold">
          {last.total}
        </text>
      ) : null}
    </svg>
  );
}

/** Series 0: solid blue; series 1: orange with dark hatching, so print in grey still tells them apart. */
export function BarChartSvg({ id, geometry, label, legend }: { id: string; geometry: BarChartGeometry; label: string; legend?: string[] }) {
  const { plot } = geometry;
  const fills = [chartColours.blue, `url(#${id}-hatch)`];
  const legendHeight = legend ? 22 : 0;
  return (
    <svg
      viewBox={`0 0 ${geometry.width} ${geometry.height + legendHeight}`}
      className="chart__svg"
      role="img"
      aria-labelledby={`${id}-title`}
      fontSize={CHART_FONT_SIZE}
    >
      <title id={`${id}-title`}>{label}</title>
      <defs>
        <pattern id={`${id}-hatch`} patternUnits="userSpaceOnUse" width={6} height={6} patternTransform="rotate(45)">
          <rect width={6} height={6} fill={chartColours.orange} />
          <line x1={0} y1={0} x2={0} y2={6} stroke={ink} strokeWidth={1.5} />
        </pattern>
      </defs>
      {legend ? (
        <g>
          {legend.map((name, index) => (
            <g key={name} transform={`translate(${plot.left + index * 160}, 4)`}>
              <rect width={14} height={14} fill={fills[index]} stroke={ink} strokeWidth={0.5} />
              <text x={20} y={11} fill={ink}>
                {name}
              </text>
            </g>
          ))}
        </g>
      ) : null}
      <g transform={`translate(0, ${legendHeight})`}>
        {geometry.xTicks.map((tick) => (
          <g key={tick.label}>
            <line x1={tick.position} x2={tick.position} y1={plot.top} y2={plot.bottom} stroke={gridGrey} strokeWidth={1} />
            <text x={tick.position} y={plot.bottom + 16} textAnchor="middle" fill={ink}>
              {tick.label}
            </text>
          </g>
        ))}
        {geometry.rows.map((row, rowIndex) => (
          <g key={`${rowIndex}-${row.label}`}>
            <text x={plot.left} y={row.labelY} fill={ink}>
              {row.label}
            </text>
            {row.bars.map((bar) => (
              <g key={bar.series}>
                <rect x={bar.x} y={bar.y} width={Math.max(bar.width, 0)} height={bar.height} fill={fills[bar.series]} stroke={ink} strokeWidth={0.5} />
                <text x={bar.x + bar.width + 4} y={bar.y + bar.height / 2} dy="0.32em" fill={ink}>
                  {bar.value}
                </text>
              </g>
            ))}
          </g>
        ))}
        <line x1={plot.left} x2={plot.left} y1={plot.top} y2={plot.bottom} stroke={ink} strokeWidth={1} />
      </g>
    </svg>
  );
}
