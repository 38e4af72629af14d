/**
 * 问题交办反馈单: one issue after assignment, on A4 portrait. What the county has not
 * sent yet (department, deadline, response) prints as blank ruled space to fill by hand.
 */
import { HANDLING_LABELS } from '../../../../../shared/domain/enums';
import { issueRefCode } from '../../../../../shared/domain/masking';
import type { ReactNode } from 'react';
import type { PrintDocument, TableRowSpec } from '../document';
import type { AssignmentPrintModel } from '../models';
import { T } from '../strings';
import { FormTitle, MetaLine, Text, chineseDateOfIso, chineseDateTime } from './common';

function row(key: string, label: string, value: ReactNode, tall = false): TableRowSpec {
  return {
    key,
    node: (
      <tr className={tall ? 'tall' : undefined}>
        <th>{label}</th>
        <td colSpan={3}>{value}</td>
      </tr>
    ),
  };
}

export function assignmentDocument(m: AssignmentPrintModel): PrintDocument {
  const { issue, reception } = m;
  const enterprises = [...new Set(reception.visitors.map((v) => v.enterprise).filter(Boolean))].join('、');
  const contacts = reception.visitors.map((v) => [v.name, v.position, v.phone].filter(Boolean).join(' ')).join(';');
  return {
    key: `assignment-${issue.id}`,
    orientation: 'portrait',
    segments: [
      {
        kind: 'block',
        key: 'title',
        node: (
          <>
            <FormTitle title={T.forms.assignment} station={m.station.name} />
            <MetaLine
              items={[
                ['清单编号', m.listNumber ?? '          '],
                ['县交办编号', m.countyRef ?? '          '],
                ['查询码', issueRefCode(issue.id)],
              ]}
            />
          </>
        ),
      },
      {
        kind: 'table',
        key: 'body',
        className: 'label-table',
        columns: ['18%', '32%', '18%', '32%'],
        head: null,
        rows: [
          {
            key: 'when',
            node: (
              <tr>
                <th>受理时间</th>
                <td>{chineseDateTime(issue.recordedAt)}</td>
                <th>问题类别</th>
                <td>
                  <Text value={issue.category} />
                </td>
              </tr>
            ),
          },
          row('enterprise', '来访企业', <Text value={enterprises} />),
          row('contacts', '联系人及电话', <Text value={contacts} />),
          row('summary', '问题概述', <Text value={issue.summary} />),
          row('request', '具体诉求', <Text value={issue.request} />),
          row('answer', '现场答复', <Text value={issue.onSpotAnswer} />),
          {
            key: 'handling',
            node: (
              <tr>
                <th>办理方式</th>
                <td>{HANDLING_LABELS[issue.handling]}</td>
                <th>建议承办单位</th>
                <td>
                  <Text value={issue.suggestedDepartment} />
                </td>
              </tr>
            ),
          },
          {
            key: 'assigned',
            node: (
              <tr>
                <th>承办单位</th>
                <td>
                  <Text value={m.department} />
                </td>
                <th>交办日期</th>
                <td>{m.assignedAt ? chineseDateOfIso(m.assignedAt) : ''}</td>
              </tr>
            ),
          },
          row('deadline', '办理时限', m.deadline ? `${chineseDateOfIso(m.deadline)}前书面答复` : ''),
          row('response', '办理情况及答复意见', <Text value={m.response} />, true),
          row('satisfaction', '来访人评价', <span className="choices">□ 满意  □ 基本满意  □ 不满意</span>),
        ],
      },
      {
        kind: 'block',
        key: 'sign',
        node: (
          <div className="form-signatures spread">
            <span className="signature">
              承办单位(盖章)<span className="blank wide" />
            </span>
            <span className="signature">
              经办人(签字):<span className="blank wide" />
            </span>
            <span className="signature">
              日期:<span className="blank short" />年<span className="blank tiny" />月<span className="blank tiny" />日
            </span>
          </div>
        ),
      },
    ],
  };
}
