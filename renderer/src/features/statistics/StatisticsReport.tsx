/**
 * The report itself, as the screen shows it and A4 prints it: the totals, then each
 * chart with its table below it. Everything is drawn from one StationStatistics.
 */
import { useMemo, type ReactNode } from 'react';
import { CHANNEL_LABELS, HANDLING_LABELS } from '../../../../shared/domain/enums';
import type { Rate, StationStatistics } from '../../../../shared/domain/statistics/compute';
import { periodLabel } from '../../../../shared/domain/statistics/period';
import { POINT_KINDS, POINT_KIND_LABELS, type PointWeights } from '../../../../shared/domain/statistics/points';
import { Chart } from './Chart';
import { groupedBars, pie, rankedBars } from './chartOptions';
import { StatTable } from './StatTable';
import { T } from './strings';

/** Horizontal bars get room per bar, within bounds. */
const barsHeight = (n: number) => Math.min(460, Math.max(140, 70 + Math.min(n, 15) * 28));

export function formatRate(r: Rate): string {
  return r.rate === null ? T.noRate : `${(r.rate * 100).toFixed(1)}%`;
}

function Section({ id, title, stacked = false, children }: { id: string; title: string; stacked?: boolean; children: ReactNode }) {
  return (
    <section className="stats-section" aria-labelledby={`stats-${id}`} data-section={id}>
      <h2 id={`stats-${id}`}>{title}</h2>
      <div className={stacked ? 'stats-section-body stacked' : 'stats-section-body'}>{children}</div>
    </section>
  );
}

export function StatisticsReport({ stats, weights, fontsReady }: { stats: StationStatistics; weights: PointWeights; fontsReady: boolean }) {
  const label = periodLabel(stats.period);
  const file = (name: string) => `${name}-${label}`;
  const ascii = (id: string) => `station-chart-${id}-${stats.period.from}-${stats.period.to}`;
  const monthLabel = (m: string) => `${Number(m.slice(0, 4))}年${Number(m.slice(5))}月`;
  const volumeHeads = [T.month_, T.totals.receptions, T.totals.visitors, T.totals.enterprises, T.totals.issues];
  const channels = stats.byChannel;
  const r = stats.resolution;

  const options = useMemo(() => {
    const volumeSeries = (rows: StationStatistics['byMonth'] | StationStatistics['byChannel']) => [
      { name: T.totals.receptions, values: rows.map((x) => x.receptions) },
      { name: T.totals.visitors, values: rows.map((x) => x.visitors) },
      { name: T.totals.enterprises, values: rows.map((x) => x.enterprises) },
      { name: T.totals.issues, values: rows.map((x) => x.issues) },
    ];
    return {
      byMonth: groupedBars(stats.byMonth.map((m) => monthLabel(m.month)), volumeSeries(stats.byMonth)),
      byChannel: groupedBars(stats.byChannel.map((c) => CHANNEL_LABELS[c.channel]), volumeSeries(stats.byChannel)),
      byCategory: rankedBars(stats.byCategory.map((c) => ({ name: c.name, value: c.count })), T.count),
      bySuggested: rankedBars(stats.bySuggestedDepartment.map((c) => ({ name: c.name, value: c.count })), T.count),
      byAssigned: rankedBars(stats.byAssignedDepartment.map((c) => ({ name: c.name, value: c.count })), T.count),
      byHandling: pie(stats.byHandling.map((h) => ({ name: HANDLING_LABELS[h.handling], value: h.count })), T.handling),
      resolution: rankedBars(
        (Object.keys(T.resolutionRows) as (keyof typeof T.resolutionRows)[]).map((k) => ({ name: T.resolutionRows[k], value: stats.resolution[k] })),
        T.count,
      ),
      ranking: rankedBars(stats.deputies.map((d) => ({ name: d.name, value: d.points })), T.deputyHeads.points, 20),
    };
  }, [stats]);

  const counted = (rows: { name: string; count: number }[]) => rows.map((x) => [x.name, x.count] as const);
  const volumeRow = (head: string, v: { receptions: number; visitors: number; enterprises: number; issues: number }) => [head, v.receptions, v.visitors, v.enterprises, v.issues] as const;

  return (
    <div className="stats-report">
      <Section id="totals" title={T.totalsTitle}>
        <dl className="stats-totals">
          {(Object.keys(T.totals) as (keyof typeof T.totals)[]).map((k) => (
            <div key={k}>
              <dt>{T.totals[k]}</dt>
              <dd data-total={k}>{stats.totals[k]}</dd>
            </div>
          ))}
        </dl>
      </Section>

      <Section id="byMonth" title={T.byMonth}>
        <Chart title={T.byMonth} option={options.byMonth} fileName={file(T.byMonth)} asciiName={ascii('byMonth')} fontsReady={fontsReady} />
        <StatTable caption={T.byMonth} heads={volumeHeads} rows={stats.byMonth.map((m) => volumeRow(monthLabel(m.month), m))} footer={volumeRow(T.total, stats.totals)} />
      </Section>

      <Section id="byChannel" title={T.byChannel}>
        <Chart title={T.byChannel} option={options.byChannel} fileName={file(T.byChannel)} asciiName={ascii('byChannel')} fontsReady={fontsReady} />
        <StatTable caption={T.byChannel} heads={[T.channel, ...volumeHeads.slice(1)]} rows={channels.map((c) => volumeRow(CHANNEL_LABELS[c.channel], c))} />
      </Section>

      <Section id="byCategory" title={T.byCategory}>
        <Chart title={T.byCategory} height={barsHeight(stats.byCategory.length)} option={options.byCategory} fileName={file(T.byCategory)} asciiName={ascii('byCategory')} fontsReady={fontsReady} />
        <StatTable caption={T.byCategory} heads={[T.category, T.count]} rows={counted(stats.byCategory)} empty={T.empty} />
      </Section>

      <Section id="byHandling" title={T.byHandling}>
        <Chart title={T.byHandling} option={options.byHandling} fileName={file(T.byHandling)} asciiName={ascii('byHandling')} fontsReady={fontsReady} height={280} />
        <StatTable caption={T.byHandling} heads={[T.handling, T.count]} rows={stats.byHandling.map((h) => [HANDLING_LABELS[h.handling], h.count])} />
      </Section>

      <Section id="bySuggested" title={T.bySuggested}>
        <Chart title={T.bySuggested} height={barsHeight(stats.bySuggestedDepartment.length)} option={options.bySuggested} fileName={file(T.bySuggested)} asciiName={ascii('bySuggested')} fontsReady={fontsReady} />
        <StatTable caption={T.bySuggested} heads={[T.department, T.count]} rows={counted(stats.bySuggestedDepartment)} empty={T.empty} />
      </Section>

      <Section id="byAssigned" title={T.byAssigned}>
        <Chart title={T.byAssigned} height={barsHeight(stats.byAssignedDepartment.length)} option={options.byAssigned} fileName={file(T.byAssigned)} asciiName={ascii('byAssigned')} fontsReady={fontsReady} />
        <StatTable caption={T.byAssigned} heads={[T.department, T.count]} rows={counted(stats.byAssignedDepartment)} empty={T.empty} />
      </Section>

      <Section id="resolution" title={T.resolution} stacked>
        <Chart title={T.resolution} option={options.resolution} fileName={file(T.resolution)} asciiName={ascii('resolution')} fontsReady={fontsReady} height={barsHeight(5)} />
        <StatTable
          caption={T.resolution}
          heads={[T.item, T.count]}
          rows={(Object.keys(T.resolutionRows) as (keyof typeof T.resolutionRows)[]).map((k) => [T.resolutionRows[k], r[k]])}
        />
        <StatTable
          caption={T.rates}
          heads={T.rateHeads}
          rows={[
            [T.rateRows.resolved, r.resolved.numerator, r.resolved.denominator, formatRate(r.resolved)],
            [T.rateRows.onTime, r.onTime.numerator, r.onTime.denominator, formatRate(r.onTime)],
            [T.rateRows.satisfaction, r.satisfaction.numerator, r.satisfaction.denominator, formatRate(r.satisfaction)],
          ]}
        />
        <p className="muted stats-note">{T.satisfactionBreakdown(r.satisfaction.satisfied, r.satisfaction.basicallySatisfied, r.satisfaction.unsatisfied)}</p>
      </Section>

      <Section id="deputies" title={T.deputies} stacked>
        <Chart title={T.deputyRanking} option={options.ranking} fileName={file(T.deputyRanking)} asciiName={ascii('ranking')} fontsReady={fontsReady} height={barsHeight(stats.deputies.length)} />
        <StatTable
          caption={T.deputyRanking}
          heads={[T.deputyHeads.name, T.deputyHeads.rank, ...POINT_KINDS.map((k) => POINT_KIND_LABELS[k]), T.deputyHeads.points]}
          rows={stats.deputies.map((d) => [d.name, d.rank, ...POINT_KINDS.map((k) => d.counts[k]), d.points])}
          empty={T.empty}
        />
        <p className="muted stats-note">{T.pointsRule(POINT_KINDS.map((k) => T.pointsPart(POINT_KIND_LABELS[k], weights[k])))}</p>
      </Section>
    </div>
  );
}
