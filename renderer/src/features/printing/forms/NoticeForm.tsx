/**
 * 公示清单: handled issues posted on the station's wall. Everything personal is masked
 * by the loader (shared/domain/masking.ts): names as 张*, no phone-like numbers; each
 * item carries the short code a visitor quotes at the desk. The notice's number, its
 * posting period (公示期) and the 监督电话 are not kept by the app: they print as blanks
 * the station fills in by hand before posting.
 */
import { ISSUE_STATUS_LABELS } from '../../../../../shared/domain/enums';
import { formatChineseDate } from '../../../../../shared/domain/time';
import type { PrintDocument } from '../document';
import type { NoticePrintModel } from '../models';
import { T } from '../strings';
import { Blank, BlankDate, FormTitle, MetaLine, Words, fixedCell, textCell } from './common';

const COLUMNS = ['查询码', '类别', '来访企业', '来访人', '问题概述', '办理结果', '办理|状态'];

export function noticeDocument(m: NoticePrintModel, printedOn: string): PrintDocument {
  const year = printedOn.slice(0, 4);
  const period = `${formatChineseDate(m.fromDay)}至${formatChineseDate(m.toDay)}`;
  return {
    key: `notice-${m.fromDay}-${m.toDay}`,
    orientation: 'portrait',
    reference: `${T.forms.notice} 〔${year}〕第    号 ${period}`,
    segments: [
      {
        kind: 'block',
        key: 'title',
        node: (
          <>
            <FormTitle title={`问题办理情况${T.forms.notice}`} station={m.station.name} sub={`所收问题日期：${period}  共 ${m.items.length} 项`} />
            <MetaLine
              items={[
                [
                  '编号',
                  <>
                    〔{year}〕第<Blank size="tiny" />号
                  </>,
                ],
                [
                  '公示期',
                  <>
                    自<BlankDate />起至<BlankDate />止
                  </>,
                ],
              ]}
            />
          </>
        ),
      },
      {
        kind: 'table',
        key: 'items',
        className: 'notice',
        columns: ['11%', '10%', '16%', '9%', '22%', '22%', '10%'],
        head: (
          <tr>
            {COLUMNS.map((c) => (
              <th key={c}>
                <Words text={c} />
              </th>
            ))}
          </tr>
        ),
        rows: m.items.map((item, i) => ({
          key: `${i}-${item.code}`,
          cells: [
            fixedCell(item.code, { className: 'center code', continued: <Words text={`${item.code}|（续）`} /> }),
            textCell(item.category),
            textCell(item.enterprise),
            fixedCell(
              item.visitors.map((name, k) => (
                <span key={k} className="word">
                  {name}
                  {k < item.visitors.length - 1 ? '、' : ''}
                </span>
              )),
            ),
            textCell(item.summary),
            textCell(item.result, { empty: '详见联络站办理记录' }),
            fixedCell(<span className="word">{ISSUE_STATUS_LABELS[item.status]}</span>, { className: 'center' }),
          ],
        })),
      },
      {
        kind: 'block',
        key: 'closing',
        keepWithPrevious: true,
        node: (
          <div className="form-closing">
            <p>以上问题办理情况予以公示。公示期内如对办理结果有异议，请凭查询码到联络站咨询、在接待日当面反映，或拨打监督电话反映。</p>
            <p className="signature">
              监督电话：
              <Blank />
            </p>
            <p className="right">
              {m.station.name}（盖章）
              <br />
              {formatChineseDate(printedOn)}
            </p>
          </div>
        ),
      },
    ],
  };
}
