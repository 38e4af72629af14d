/** 问题清单: one issue list on A4 landscape, with the station head's signature and the seal area. */
import { HANDLING_LABELS } from '../../../../../shared/domain/enums';
import { formatChineseDate } from '../../../../../shared/domain/time';
import type { PrintDocument } from '../document';
import type { IssueListPrintModel } from '../models';
import { T } from '../strings';
import { FormTitle, MetaLine, SealArea, SignatureLines, Text } from './common';

export function issueListDocument(m: IssueListPrintModel): PrintDocument {
  return {
    key: `issueList-${m.id}`,
    orientation: 'landscape',
    segments: [
      {
        kind: 'block',
        key: 'title',
        node: (
          <>
            <FormTitle
              title={m.number ? T.forms.issueList : `${T.forms.issueList}(草稿)`}
              station={m.station.name}
            />
            <MetaLine
              items={[
                ['编号', m.number ?? '〔    〕第    号(封存后生成)'],
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
        columns: ['5%', '9%', '24%', '22%', '9%', '12%', '19%'],
        head: (
          <tr>
            <th>序号</th>
            <th>类别</th>
            <th>问题概述</th>
            <th>具体诉求</th>
            <th>办理方式</th>
            <th>建议承办单位</th>
            <th>来访企业</th>
          </tr>
        ),
        rows: m.rows.map((r) => ({
          key: String(r.seq),
          node: (
            <tr>
              <td className="center">{r.seq}</td>
              <td>
                <Text value={r.category} />
              </td>
              <td>
                <Text value={r.summary} />
              </td>
              <td>
                <Text value={r.request} />
              </td>
              <td>{HANDLING_LABELS[r.handling]}</td>
              <td>
                <Text value={r.suggestedDepartment} />
              </td>
              <td>
                <Text value={r.enterprise} />
              </td>
            </tr>
          ),
        })),
      },
      {
        kind: 'block',
        key: 'sign',
        node: (
          <div className="form-closing">
            <p className="form-total">本清单共 {m.rows.length} 个问题。</p>
            <div className="closing-row">
              <SignatureLines labels={['站长']} />
              <SealArea label={m.station.name} />
            </div>
          </div>
        ),
      },
    ],
  };
}
