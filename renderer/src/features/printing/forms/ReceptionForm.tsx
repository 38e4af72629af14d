/**
 * 来访接待登记表: one reception on A4 portrait, with the visitor's confirmation and the
 * signature lines of the deputies and the recorder.
 */
import { CHANNEL_LABELS } from '../../../../../shared/domain/enums';
import { issueRefCode } from '../../../../../shared/domain/masking';
import type { PrintDocument } from '../document';
import type { ReceptionPrintModel } from '../models';
import { HANDLING_WORDS, T } from '../strings';
import { Blank, BlankDate, FormTitle, MetaLine, Words, chineseDateOfIso, chineseDateTime, fixedCell, labelCell, textCell } from './common';

const head = (labels: string[]) => (
  <tr>
    {labels.map((l) => (
      <th key={l}>
        <Words text={l} />
      </th>
    ))}
  </tr>
);

export function receptionDocument(m: ReceptionPrintModel): PrintDocument {
  const { reception } = m;
  const code = issueRefCode(reception.id);
  return {
    key: `reception-${reception.id}`,
    orientation: 'portrait',
    reference: `${T.forms.reception} 登记号 ${code}`,
    segments: [
      {
        kind: 'block',
        key: 'title',
        node: (
          <>
            <FormTitle title={T.forms.reception} station={m.station.name} />
            <MetaLine items={[['登记号', code], ['接待日期', chineseDateOfIso(reception.receivedAt)]]} />
          </>
        ),
      },
      {
        kind: 'table',
        key: 'info',
        className: 'label-table',
        columns: ['15%', '35%', '15%', '35%'],
        head: null,
        rows: [
          {
            key: 'time',
            cells: [
              labelCell('接待时间'),
              fixedCell(chineseDateTime(reception.receivedAt)),
              labelCell('接待方式'),
              fixedCell(CHANNEL_LABELS[reception.channel]),
            ],
          },
          { key: 'place', cells: [labelCell('接待地点'), textCell(m.station.name, { colSpan: 3 })] },
          { key: 'deputies', cells: [labelCell('接待代表'), textCell(m.deputyNames.join('、'), { colSpan: 3 })] },
        ],
      },
      { kind: 'block', key: 'visitors-title', keepWithNext: true, node: <h2 className="form-section">来访人</h2> },
      {
        kind: 'table',
        key: 'visitors',
        columns: ['8%', '16%', '38%', '16%', '22%'],
        head: head(['序号', '姓名', '企业|（单位）', '职务', '联系|电话']),
        rows: reception.visitors.map((v, i) => ({
          key: `v${i}`,
          cells: [
            fixedCell(i + 1, { className: 'center', continued: <Words text={`${i + 1}|（续）`} /> }),
            textCell(v.name),
            textCell(v.enterprise),
            textCell(v.position),
            // A landline with extension runs to 20 characters: it may wrap after a dash rather than overhang.
            textCell(v.phone),
          ],
        })),
      },
      { kind: 'block', key: 'issues-title', keepWithNext: true, node: <h2 className="form-section">反映问题</h2> },
      {
        kind: 'table',
        key: 'issues',
        columns: ['8%', '11%', '34%', '22%', '12%', '13%'],
        head: head(['序号', '类别', '问题概述|及具体诉求', '现场答复', '办理|方式', '建议|承办单位']),
        rows: m.issues.map((issue) => ({
          key: issue.id,
          cells: [
            fixedCell(issue.seq, { className: 'center', continued: <Words text={`${issue.seq}|（续）`} /> }),
            textCell(issue.category),
            { text: [{ text: issue.summary }, ...(issue.request ? [{ text: issue.request, label: '诉求：' }] : [])] },
            textCell(issue.onSpotAnswer),
            fixedCell(<Words text={HANDLING_WORDS[issue.handling]} />),
            textCell(issue.suggestedDepartment),
          ],
        })),
      },
      {
        kind: 'block',
        key: 'sign',
        keepWithPrevious: true,
        node: (
          <div className="form-closing">
            <p className="confirm-line">
              <span className="signature">来访人确认：以上记录经本人核对无误。</span>
              <span className="signature">
                来访人（签字）：
                <Blank />
              </span>
            </p>
            <div className="form-signatures">
              <span className="signature">
                接待代表（签字）：
                <Blank />
              </span>
              <span className="signature">
                记录人（签字）：
                <Blank />
              </span>
              <span className="signature">
                日期：
                <BlankDate />
              </span>
            </div>
          </div>
        ),
      },
    ],
  };
}
