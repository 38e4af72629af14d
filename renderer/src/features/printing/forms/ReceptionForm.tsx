/** 来访接待登记表: one reception on A4 portrait, with signature lines for the deputies and the recorder. */
import { CHANNEL_LABELS, HANDLING_LABELS } from '../../../../../shared/domain/enums';
import { issueRefCode } from '../../../../../shared/domain/masking';
import type { PrintDocument } from '../document';
import type { ReceptionPrintModel } from '../models';
import { T } from '../strings';
import { FormTitle, MetaLine, SignatureLines, Text, chineseDateOfIso, chineseDateTime } from './common';

export function receptionDocument(m: ReceptionPrintModel): PrintDocument {
  const { reception } = m;
  return {
    key: `reception-${reception.id}`,
    orientation: 'portrait',
    segments: [
      {
        kind: 'block',
        key: 'title',
        node: (
          <>
            <FormTitle title={T.forms.reception} station={m.station.name} />
            <MetaLine items={[['登记号', issueRefCode(reception.id)], ['接待日期', chineseDateOfIso(reception.receivedAt)]]} />
          </>
        ),
      },
      {
        kind: 'table',
        key: 'info',
        columns: ['14%', '36%', '14%', '36%'],
        head: null,
        rows: [
          {
            key: 'time',
            node: (
              <tr>
                <th>接待时间</th>
                <td>{chineseDateTime(reception.receivedAt)}</td>
                <th>接待方式</th>
                <td>{CHANNEL_LABELS[reception.channel]}</td>
              </tr>
            ),
          },
          {
            key: 'deputies',
            node: (
              <tr>
                <th>接待代表</th>
                <td colSpan={3}>{m.deputyNames.join('、')}</td>
              </tr>
            ),
          },
        ],
      },
      { kind: 'block', key: 'visitors-title', keepWithNext: true, node: <h2 className="form-section">来访人</h2> },
      {
        kind: 'table',
        key: 'visitors',
        columns: ['8%', '16%', '38%', '16%', '22%'],
        head: (
          <tr>
            <th>序号</th>
            <th>姓名</th>
            <th>企业(单位)</th>
            <th>职务</th>
            <th>联系电话</th>
          </tr>
        ),
        rows: reception.visitors.map((v, i) => ({
          key: `v${i}`,
          node: (
            <tr>
              <td className="center">{i + 1}</td>
              <td>
                <Text value={v.name} />
              </td>
              <td>
                <Text value={v.enterprise} />
              </td>
              <td>
                <Text value={v.position} />
              </td>
              <td className="nowrap">
                <Text value={v.phone} />
              </td>
            </tr>
          ),
        })),
      },
      { kind: 'block', key: 'issues-title', keepWithNext: true, node: <h2 className="form-section">反映问题</h2> },
      {
        kind: 'table',
        key: 'issues',
        columns: ['7%', '11%', '33%', '23%', '13%', '13%'],
        head: (
          <tr>
            <th>序号</th>
            <th>类别</th>
            <th>问题概述及具体诉求</th>
            <th>现场答复</th>
            <th>办理方式</th>
            <th>建议承办单位</th>
          </tr>
        ),
        rows: m.issues.map((issue) => ({
          key: issue.id,
          node: (
            <tr>
              <td className="center">{issue.seq}</td>
              <td>
                <Text value={issue.category} />
              </td>
              <td>
                <Text value={issue.summary} />
                {issue.request ? (
                  <div className="request">
                    诉求:<Text value={issue.request} />
                  </div>
                ) : null}
              </td>
              <td>
                <Text value={issue.onSpotAnswer} />
              </td>
              <td>{HANDLING_LABELS[issue.handling]}</td>
              <td>
                <Text value={issue.suggestedDepartment} />
              </td>
            </tr>
          ),
        })),
      },
      { kind: 'block', key: 'sign', node: <SignatureLines labels={['接待代表', '记录人']} /> },
    ],
  };
}
