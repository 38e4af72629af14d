/**
 * What the report end-to-end test needs the county to hold, made through the real doors:
 * a station enrolled by the clerk CLI pushes a sealed list over the protocol, the clerk
 * assigns two issues to 县住建局 through the console API, the department accepts one and
 * submits its answer (解决), and the station sends the visitor's rating (满意).
 */
import { createHash, randomUUID } from 'node:crypto';
import { canonicalJson, type IssueListPayload } from '../../shared/protocol';
import { CLERK, HOUSING, HOUSING_NAME, type ConsoleAccount } from './consoleAccounts';
import type { CountyProcess } from './syncCounty';

export const REPORT_STATION = { id: 'st-rpt-e2e-01', name: '银湾科创产业园人大代表联络站' };
export const LOAN_SUMMARY = '企业流动资金贷款审批时间过长';
export const LIGHT_SUMMARY = '园区道路夜间无路灯';
export const ON_SPOT_SUMMARY = '咨询稳岗补贴申报流程';

const sha256 = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');

async function signIn(base: string, account: ConsoleAccount) {
  const res = await fetch(`${base}/console/api/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: account.username, password: account.password }),
  });
  const json = (await res.json()) as { csrfToken?: string };
  if (!res.ok || !json.csrfToken) throw new Error(`login ${account.username}: ${res.status}`);
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const headers = { cookie, 'x-csrf-token': json.csrfToken, 'content-type': 'application/json' };
  return {
    async post(path: string, body: unknown): Promise<unknown> {
      const r = await fetch(`${base}/console/api${path}`, { method: 'POST', headers, body: JSON.stringify(body) });
      if (!r.ok) throw new Error(`${path}: ${r.status} ${await r.text()}`);
      return r.json();
    },
    async get<T>(path: string): Promise<T> {
      const r = await fetch(`${base}/console/api${path}`, { headers: { cookie } });
      if (!r.ok) throw new Error(`${path}: ${r.status} ${await r.text()}`);
      return (await r.json()) as T;
    },
  };
}

async function push(base: string, token: string, items: unknown[]): Promise<void> {
  const res = await fetch(`${base}/v1/push`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ protocolVersion: 1, stationId: REPORT_STATION.id, items }),
  });
  const body = (await res.json()) as { receipts: { status: string }[] };
  if (!res.ok || body.receipts.some((r) => r.status !== 'accepted')) throw new Error(`push refused: ${JSON.stringify(body)}`);
}

export async function seedReportCounty(county: CountyProcess): Promise<void> {
  const token = county.enroll(REPORT_STATION.id, REPORT_STATION.name);
  const ids = [randomUUID(), randomUUID(), randomUUID()];
  const summaries = [LOAN_SUMMARY, LIGHT_SUMMARY, ON_SPOT_SUMMARY];
  const now = new Date().toISOString().replace('Z', '+00:00');
  const payload: IssueListPayload = {
    listNumber: { year: new Date().getFullYear(), seq: 1 },
    stationName: REPORT_STATION.name,
    sealedAt: now,
    amendsListId: null,
    issues: ids.map((id, i) => ({
      id,
      seq: i + 1,
      receptionId: 'reception-rpt-0001',
      channel: 'walkIn' as const,
      category: ['融资贷款', '园区设施', '政策兑现'][i]!,
      summary: summaries[i]!,
      request: '请有关部门尽快协调解决',
      onSpotAnswer: i === 2 ? '代表当场解答了申报流程' : '代表已记录，将提请交办',
      handling: i === 2 ? ('onSpot' as const) : ('referToCounty' as const),
      suggestedDepartment: HOUSING_NAME,
      recordedAt: now,
      deputyNames: ['张立强', '郭晓蓉', '黄建富'],
      visitors: [{ name: '伍盛华', phone: '13807961234', enterprise: '合顺实业有限公司', position: '总经理' }],
      amendsIssueId: null,
    })),
  };
  await push(county.url, token, [{ kind: 'issueList', id: randomUUID(), contentHash: sha256(canonicalJson(payload)), payload }]);

  const clerk = await signIn(county.url, CLERK);
  const { departments } = await clerk.get<{ departments: { id: string; name: string }[] }>('/departments');
  const housing = departments.find((d) => d.name === HOUSING_NAME);
  if (!housing) throw new Error('县住建局 missing');
  await clerk.post('/work/assign', { issueIds: [ids[0], ids[1]], leadDepartmentId: housing.id, coDepartmentIds: [], days: 7 });

  const dept = await signIn(county.url, HOUSING);
  await dept.post(`/inbox/${ids[0]}/accept`, {});
  await dept.post(`/inbox/${ids[0]}/answer/submit`, {
    progress: '已与合作银行对接，开通绿色通道',
    reply: '贷款已于本周审批通过并放款',
    result: 'solved',
    explanation: '',
    handlerName: '陈建国',
    handlerPhone: '0790-6221234',
  });
  const rating = { issueId: ids[0], rating: 'satisfied', ratedAt: now, note: '' };
  await push(county.url, token, [{ kind: 'satisfaction', id: randomUUID(), contentHash: sha256(canonicalJson(rating)), payload: rating }]);
}
