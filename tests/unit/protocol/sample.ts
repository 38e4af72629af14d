// A realistic issue list payload (from the sample station) for protocol tests.
import type { IssueListPayload } from '../../../shared/protocol';

export function sampleList(): IssueListPayload {
  return {
    listNumber: { year: 2026, seq: 7 },
    stationName: '银湾科创产业园人大代表联络站',
    sealedAt: '2026-03-01T17:30:00+08:00',
    amendsListId: null,
    issues: [
      {
        id: '019c8a10-0000-7000-8000-000000000001',
        seq: 1,
        receptionId: '019c8a10-0000-7000-8000-0000000000a1',
        channel: 'walkIn',
        category: '政策兑现',
        summary: '防疫期间代建移动板房费用9.9万元至今未拨付',
        request: '请县卫健委尽快按约定拨付板房建设款',
        onSpotAnswer: '代表已记录,将联系县卫健委核实',
        handling: 'referToCounty',
        suggestedDepartment: '县卫健委',
        recordedAt: '2026-03-01T09:20:00+08:00',
        deputyNames: ['张立强', '郭晓蓉', '黄建富'],
        visitors: [{ name: '伍盛华', phone: '13807961234', enterprise: '合顺实业有限公司', position: '总经理' }],
        amendsIssueId: null,
      },
    ],
  };
}
