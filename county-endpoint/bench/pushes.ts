/** Valid issue-list push items, as a station's outbox sends them (content hash over the canonical payload). */
import { createHash, randomUUID } from 'node:crypto';
import { canonicalJson, type IssueListItem, type IssueListPayload } from '../../shared/protocol/index.js';
import { CATEGORIES, ISSUES_PER_LIST } from './fill.js';

export function benchListItem(stationName: string, seq: number): IssueListItem {
  const payload: IssueListPayload = {
    listNumber: { year: 2026, seq },
    stationName,
    sealedAt: new Date().toISOString().replace('Z', '+00:00'),
    amendsListId: null,
    issues: Array.from({ length: ISSUES_PER_LIST }, (_, i) => ({
      id: randomUUID(),
      seq: i + 1,
      receptionId: `reception-${seq}-${i}`,
      channel: 'walkIn' as const,
      category: CATEGORIES[(seq + i) % CATEGORIES.length]!,
      summary: `园区企业反映${CATEGORIES[(seq + i) % CATEGORIES.length]!}方面的困难，请求协调解决（${seq}-${i + 1}）`,
      request: '请县有关部门尽快研究，给予政策支持并书面答复',
      onSpotAnswer: '代表已记录，将提请县人大常委会交办',
      handling: 'referToCounty' as const,
      suggestedDepartment: '县发展改革委',
      recordedAt: new Date().toISOString().replace('Z', '+00:00'),
      deputyNames: ['张立强', '郭晓蓉', '黄建富'],
      visitors: [{ name: '伍盛华', phone: '13807961234', enterprise: '合顺实业有限公司', position: '总经理' }],
      amendsIssueId: null,
    })),
  };
  const contentHash = createHash('sha256').update(canonicalJson(payload), 'utf8').digest('hex');
  return { kind: 'issueList', id: randomUUID(), contentHash, payload };
}
