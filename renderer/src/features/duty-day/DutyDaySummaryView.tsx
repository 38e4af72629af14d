/** A duty day's summary: totals, issues by handling mode and by category. */
import { HANDLING_LABELS, HANDLING_MODES } from '../../../../shared/domain/enums';
import type { DutyDaySummary } from '../../../../shared/domain/dutyDaySummary';

export function DutyDaySummaryView({ summary }: { summary: DutyDaySummary }) {
  return (
    <>
      <dl className="summary-grid">
        <div>
          <dt>接待来访</dt>
          <dd>{summary.receptions} 次</dd>
        </div>
        <div>
          <dt>来访人数</dt>
          <dd>{summary.visitors} 人</dd>
        </div>
        <div>
          <dt>涉及企业</dt>
          <dd>{summary.enterprises} 家</dd>
        </div>
        <div>
          <dt>收集问题</dt>
          <dd>{summary.issues} 个</dd>
        </div>
      </dl>
      <div className="summary-tables">
        <table>
          <caption>按办理方式</caption>
          <thead>
            <tr>
              <th scope="col">办理方式</th>
              <th scope="col" className="num">
                问题数
              </th>
            </tr>
          </thead>
          <tbody>
            {HANDLING_MODES.map((mode) => (
              <tr key={mode}>
                <th scope="row">{HANDLING_LABELS[mode]}</th>
                <td className="num">{summary.byHandling[mode]}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <table>
          <caption>按问题类别</caption>
          <thead>
            <tr>
              <th scope="col">类别</th>
              <th scope="col" className="num">
                问题数
              </th>
            </tr>
          </thead>
          <tbody>
            {summary.byCategory.length === 0 ? (
              <tr>
                <td colSpan={2} className="muted">
                  本接待日没有登记问题
                </td>
              </tr>
            ) : (
              summary.byCategory.map((c) => (
                <tr key={c.category}>
                  <th scope="row">{c.category}</th>
                  <td className="num">{c.count}</td>
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>
    </>
  );
}
