/** Realistic push items with correct content hashes, and an app wired to a test database. */
import { createHash, randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { canonicalJson, type IssueListItem, type IssueListPayload, type PushItem } from '../../../shared/protocol/index.js';
import { readConfig, type Config } from '../../src/config.js';
import type { Database } from '../../src/db/database.js';
import { buildApp } from '../../src/http/app.js';
import { enrollStation } from '../../src/store/stations.js';

export const sha256 = (s: string): string => createHash('sha256').update(s, 'utf8').digest('hex');

export function listPayload(issueIds: string[] = [randomUUID()], seq = 7): IssueListPayload {
  return {
    listNumber: { year: 2026, seq },
    stationName: '银湾科创产业园人大代表联络站',
    sealedAt: '2026-03-01T17:30:00+08:00',
    amendsListId: null,
    issues: issueIds.map((id, i) => ({
      id,
      seq: i + 1,
      receptionId: 'reception-0001',
      channel: 'walkIn',
      category: '政策兑现',
      summary: `防疫期间代建移动板房费用9.9万元至今未拨付(${i + 1})`,
      request: '请县卫健委尽快按约定拨付板房建设款',
      onSpotAnswer: '代表已记录,将联系县卫健委核实',
      handling: 'referToCounty',
      suggestedDepartment: '县卫健委',
      recordedAt: '2026-03-01T09:20:00+08:00',
      deputyNames: ['张立强', '郭晓蓉', '黄建富'],
      visitors: [{ name: '伍盛华', phone: '13807961234', enterprise: '合顺实业有限公司', position: '总经理' }],
      amendsIssueId: null,
    })),
  };
}

export function listItem(payload: IssueListPayload = listPayload(), id: string = randomUUID()): IssueListItem {
  return { kind: 'issueList', id, contentHash: sha256(canonicalJson(payload)), payload };
}

export function ratingItem(issueId: string, rating: 'satisfied' | 'unsatisfied' = 'satisfied'): PushItem {
  const payload = { issueId, rating, ratedAt: '2026-03-20T10:00:00+08:00', note: '' };
  return { kind: 'satisfaction', id: randomUUID(), contentHash: sha256(canonicalJson(payload)), payload };
}

export function testConfig(overrides: Partial<Config> = {}): Config {
  return { ...readConfig({}), logLevel: 'silent', ...overrides };
}

export interface TestApp {
  app: FastifyInstance;
  tokenA: string;
  tokenB: string;
  clock: { now: Date };
}

/** Two enrolled stations, A and B, and a clock the test can move. */
export async function appWithStations(db: Database, overrides: Partial<Config> = {}): Promise<TestApp> {
  const clock = { now: new Date('2026-03-02T01:00:00.000Z') };
  const app = await buildApp({ db, config: testConfig(overrides), now: () => clock.now, logger: false });
  const a = await enrollStation(db, 'st-yzw-001', '银湾科创产业园人大代表联络站');
  const b = await enrollStation(db, 'st-hk-0002', '河口物流园人大代表联络站');
  return { app, tokenA: a.token, tokenB: b.token, clock };
}

export function push(app: FastifyInstance, token: string, stationId: string, items: unknown[]) {
  return app.inject({
    method: 'POST',
    url: '/v1/push',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    payload: JSON.stringify({ protocolVersion: 1, stationId, items }),
  });
}

export function updates(app: FastifyInstance, token: string, query: string) {
  return app.inject({ method: 'GET', url: `/v1/updates?${query}`, headers: { authorization: `Bearer ${token}` } });
}
