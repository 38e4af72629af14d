/**
 * 公示清单: handled issues posted on the station's wall. Everything personal is masked
 * by the loader (shared/domain/masking.ts): names as 张*, no phone-like numbers; each
 * item carries the short code a visitor quotes at the desk.
 */
import { ISSUE_STATUS_LABELS } from '../../../../../shared/domain/enums';
import { formatChineseDate } from '../../../../../shared/domain/time';
import type { PrintDocument } from '../document';
import type { NoticePrintModel } from '../models';
import { T } from '../strings';
import { FormTitle, Text } from './common';

export function noticeDocument(m: NoticePrintModel, printedOn: string): PrintDocument {
  return {
    key: `notice-${m.fromDay}-${m.toDay}`,
    orientation: 'portrait',
    segments: [
      {
        kind: 'block',
        key: 'title',
        node: (
          <FormTitle
            title={`问题办理情况${T.forms.notice}`}
            station={m.station.name}
            sub={`所收问题日期:${formatChineseDate(m.fromDay)}至${formatChineseDate(m.toDay)}  共 ${m.items.length} 项`}
          />
        ),
      },
      {
        kind: 'table',
        key: 'items',
        className: 'notice',
        columns: ['11%', '10%', '20%', '28%', '22%', '9%'],
        head: (
          <tr>
            <th>查询码</th>
            <th>类别</th>
            <th>来访企业(人)</th>
            <th>问题概述</th>
            <th>办理结果</th>
            <th>状态</th>
          </tr>
        ),
        rows: m.items.map((item, i) => ({
          key: `${i}-${item.code}`,
          node: (
            <tr>
              <td className="center code">{item.code}</td>
              <td>
                <Text value={item.category} />
              </td>
              <td>
                <Text value={[item.enterprise, item.visitors].filter(Boolean).join(' ')} />
              </td>
              <td>
                <Text value={item.summary} />
              </td>
              <td>
                <Text value={item.result} empty="详见联络站办理记录" />
              </td>
              <td className="center">{ISSUE_STATUS_LABELS[item.status]}</td>
            </tr>
          ),
        })),
      },
      {
        kind: 'block',
        key: 'closing',
        node: (
          <div className="form-closing">
            <p>以上问题办理情况予以公示。如对办理结果有疑问,请凭查询码到联络站咨询,或在接待日当面反映。</p>
            <p className="right">
              {m.station.name}
              <br />
              {formatChineseDate(printedOn)}
            </p>
          </div>
        ),
      },
    ],
  };
}
