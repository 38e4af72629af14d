/**
 * ECharts options of the 统计 screen's charts, from the same rows their tables show.
 * No animation: a chart is read, printed and saved as a picture as soon as it is drawn.
 */
import type { ChartOption } from './echarts';

/** Chart text: the bundled print serif once loaded (every PC prints the same glyphs), the interface's fonts until then. */
export const CHART_FONT = "'Station Print Serif', 'Noto Sans SC', 'Microsoft YaHei', sans-serif";
const PALETTE = ['#b3261e', '#0b57d0', '#1a7f37', '#b26a00', '#6f42c1', '#00838f', '#5b636d'];

const base = (): ChartOption => ({
  animation: false,
  color: PALETTE,
  textStyle: { fontFamily: CHART_FONT, fontSize: 13 },
  tooltip: { trigger: 'axis' },
  grid: { left: 16, right: 24, top: 40, bottom: 16, containLabel: true },
});

/** Grouped bars over a category axis (months, channels). */
export function groupedBars(categories: string[], series: { name: string; values: number[] }[]): ChartOption {
  return {
    ...base(),
    legend: { top: 0 },
    xAxis: { type: 'category', data: categories, axisLabel: { interval: 0, hideOverlap: true } },
    yAxis: { type: 'value', minInterval: 1 },
    series: series.map((s) => ({ type: 'bar', name: s.name, data: s.values, barMaxWidth: 28 })),
  };
}

/** Horizontal bars, largest on top (categories, departments, ranking). */
export function rankedBars(rows: { name: string; value: number }[], seriesName: string, limit = 15): ChartOption {
  const shown = rows.slice(0, limit).reverse();
  return {
    ...base(),
    grid: { left: 16, right: 40, top: 16, bottom: 16, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: shown.map((r) => r.name), axisLabel: { width: 140, overflow: 'truncate' } },
    series: [{ type: 'bar', name: seriesName, data: shown.map((r) => r.value), label: { show: true, position: 'right' }, barMaxWidth: 22 }],
  };
}

export function pie(rows: { name: string; value: number }[], seriesName: string): ChartOption {
  return {
    ...base(),
    tooltip: { trigger: 'item' },
    legend: { bottom: 0 },
    series: [
      {
        type: 'pie',
        name: seriesName,
        radius: ['35%', '65%'],
        center: ['50%', '45%'],
        data: rows,
        label: { formatter: '{c}（{d}%）' },
      },
    ],
  };
}
