/**
 * 问题交办反馈单: one issue from the station through the county's assignment to the
 * department's answer, the deputies' view and the visitor's rating, on A4 portrait.
 * Every party signs on it: the county office that assigns (选联工委, 交办人 and its seal), the
 * department (负责人, its seal, 经办人 with phone, answer date), a deputy, and whoever records
 * the visitor's rating. Seals are pressed over the rows marked (盖章), as on paper forms. What the county has not sent yet prints as blank space to fill by hand.
 */
import { issueRefCode } from '../../../../../shared/domain/masking';
import type { PrintDocument, TableRowSpec } from '../document';
import type { AssignmentPrintModel } from '../models';
import { HANDLING_WORDS, T } from '../strings';
import { Blank, BlankDate, FormTitle, MetaLine, Words, chineseDateOfIso, chineseDateTime, fixedCell, labelCell, textCell } from './common';

function row(key: string, label: string, value: string | null, className?: string): TableRowSpec {
  return { key, ...(className ? { className } : {}), cells: [labelCell(label), textCell(value, { colSpan: 3 })] };
}

function pair(key: string, a: [string, TableRowSpec['cells'][number]], b: [string, TableRowSpec['cells'][number]]): TableRowSpec {
  return { key, cells: [labelCell(a[0]), a[1], labelCell(b[0]), b[1]] };
}

/** A blank cell for a signature or a date written by hand. */
const handCell = (content = <Blank />) => fixedCell(content, { className: 'hand' });

export function assignmentDocument(m: AssignmentPrintModel): PrintDocument {
  const { issue, reception } = m;
  const code = issueRefCode(issue.id);
  const enterprises = [...new Set(reception.visitors.map((v) => v.enterprise).filter(Boolean))].join('、');
  const contacts = reception.visitors.map((v) => [v.name, v.position, v.phone].filter(Boolean).join(' ')).join(';');
  return {
    key: `assignment-${issue.id}`,
    orientation: 'portrait',
    reference: `${T.forms.assignment} 查询码 ${code}${m.countyRef ? ` 县交办编号 ${m.countyRef}` : ''}`,
    segments: [
      {
        kind: 'block',
        key: 'title',
        node: (
          <>
            <FormTitle title={T.forms.assignment} station={m.station.name} />
            <MetaLine
              items={[
                ['清单编号', m.listNumber ?? <Blank size="short" />],
                ['县交办编号', m.countyRef ?? <Blank size="short" />],
                ['查询码', code],
              ]}
            />
          </>
        ),
      },
      {
        kind: 'table',
        key: 'body',
        className: 'label-table',
        columns: ['17%', '33%', '17%', '33%'],
        head: null,
        rows: [
          pair('when', ['受理时间', fixedCell(chineseDateTime(issue.recordedAt))], ['问题类别', textCell(issue.category)]),
          row('enterprise', '来访企业', enterprises),
          row('contacts', '联系人|及电话', contacts),
          row('summary', '问题概述', issue.summary),
          row('request', '具体诉求', issue.request),
          row('answer', '现场答复', issue.onSpotAnswer),
          pair('handling', ['办理方式', fixedCell(<Words text={HANDLING_WORDS[issue.handling]} />)], ['建议|承办单位', textCell(issue.suggestedDepartment)]),
          { ...pair('assigner', ['交办单位|（盖章）', fixedCell(`${m.station.county}人大常委会选联工委`)], ['交办人|（签字）', handCell()]), className: 'seal' },
          pair('assigned', ['承办单位', textCell(m.department)], ['交办日期', m.assignedAt ? fixedCell(chineseDateOfIso(m.assignedAt)) : handCell(<BlankDate />)]),
          row('deadline', '办理时限', m.deadline ? `${chineseDateOfIso(m.deadline)}前书面答复` : ''),
          row('response', '办理情况及|答复意见', m.response, 'tall'),
          { ...pair('head', ['承办单位|负责人（签字）', handCell()], ['承办单位|（盖章）', handCell(<span />)]), className: 'seal' },
          pair('clerk', ['经办人|（签字）', handCell()], ['经办人|电话', handCell()]),
          { key: 'answered', cells: [labelCell('答复（办结）|日期'), handCell(<BlankDate />), labelCell('办结情况'), handCell(<span className="choices">□ 已办结  □ 未办结</span>)] },
          {
            key: 'deputy',
            className: 'medium',
            cells: [
              labelCell('代表意见'),
              fixedCell(
                <div className="hand-box">
                  <span className="signature">
                    代表（签字）：
                    <Blank />
                  </span>
                  <span className="signature">
                    日期：
                    <BlankDate />
                  </span>
                </div>,
                { colSpan: 3 },
              ),
            ],
          },
          {
            key: 'satisfaction',
            cells: [
              labelCell('来访人|评价'),
              fixedCell(
                <div className="rating">
                  <span className="choices">□ 满意  □ 基本满意  □ 不满意</span>
                  <span className="signature">
                    评价记录人（签字）：
                    <Blank size="short" />
                  </span>
                  <span className="signature">
                    日期：
                    <BlankDate />
                  </span>
                </div>,
                { colSpan: 3 },
              ),
            ],
          },
        ],
      },
    ],
  };
}
