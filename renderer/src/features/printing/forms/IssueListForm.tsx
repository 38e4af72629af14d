/**
 * 问题清单: one issue list on A4 landscape. The sign-off (total, 填报人 and 站长 signatures,
 * the reporting station's seal) always shares a sheet with the last rows of the table,
 * and every sheet names the list's number.
 */
import { HANDLING_LABELS, HANDLING_MODES } from '../../../../../shared/domain/enums';
import { formatChineseDate } from '../../../../../shared/domain/time';
import type { PrintDocument } from '../document';
import type { IssueListPrintModel } from '../models';
import { HANDLING_WORDS, T } from '../strings';
import { Blank, BlankDate, FormTitle, MetaLine, SealArea, Words, fixedCell, textCell } from './common';

const COLUMNS = ['序号', '类别', '问题概述', '具体诉求', '办理|方式', '建议|承办单位', '来访企业'];

export function issueListDocument(m: IssueListPrintModel): PrintDocument {
  const counts = HANDLING_MODES.map((mode) => [mode, m.rows.filter((r) => r.handling === mode).length] as const).filter(([, n]) => n > 0);
  const breakdown = counts.map(([mode, n]) => `${HANDLING_LABELS[mode]} ${n} 个`).join(',');
  const title = m.number ? T.forms.issueList : `${T.forms.issueList}（草稿）`;
  return {
    key: `issueList-${m.id}`,
    orientation: 'landscape',
    reference: `${title} ${m.number ?? formatChineseDate(m.date)}`,
    segments: [
      {
        kind: 'block',
        key: 'title',
        node: (
          <>
            <FormTitle title={title} station={m.station.name} />
            <MetaLine
              items={[
                ['编号', m.number ?? '〔    〕第    号（封存后生成）'],
                ['报送单位', m.station.name],
                ['日期', formatChineseDate(m.date)],
              ]}
            />
          </>
        ),
      },
      {
        kind: 'table',
        key: 'issues',
        className: 'issue-list',
        columns: ['5%', '9%', '24%', '22%', '8%', '12%', '20%'],
        head: (
          <tr>
            {COLUMNS.map((c) => (
              <th key={c}>
                <Words text={c} />
              </th>
            ))}
          </tr>
        ),
        rows: m.rows.map((r) => ({
          key: String(r.seq),
          cells: [
            fixedCell(r.seq, { className: 'center', continued: <Words text={`${r.seq}|（续）`} /> }),
            textCell(r.category),
            textCell(r.summary),
            textCell(r.request),
            fixedCell(<Words text={HANDLING_WORDS[r.handling]} />),
            textCell(r.suggestedDepartment),
            textCell(r.enterprise),
          ],
        })),
      },
      {
        kind: 'block',
        key: 'sign',
        keepWithPrevious: true,
        node: (
          <div className="form-closing">
            <p className="form-total">
              本清单共 {m.rows.length} 个问题{breakdown ? `（${breakdown}）` : ''}。
            </p>
            <div className="closing-row">
              <div className="form-signatures column">
                <span className="signature">
                  填报人（签字）：
                  <Blank />
                </span>
                <span className="signature">
                  站长（签字）：
                  <Blank />
                </span>
                <span className="signature">
                  日期：
                  <BlankDate />
                </span>
              </div>
              <SealArea label={`报送单位：${m.station.name}`} />
            </div>
          </div>
        ),
      },
    ],
  };
}
