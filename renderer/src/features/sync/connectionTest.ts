/** "测试连接": one ping through the bridge, explained in Chinese. */
import type { BridgeApi } from '../../../../shared/bridge/contract';
import { pingPath, pingResponseSchema } from '../../../../shared/protocol/index';
import { classify } from '../../sync/classify';
import { SYNC_MESSAGES } from '../../sync/messages';
import { S } from './strings';

export interface TestResult {
  ok: boolean;
  message: string;
}

export async function testConnection(bridge: BridgeApi, stationId: string): Promise<TestResult> {
  const res = await bridge.county.send({ method: 'GET', path: pingPath(), timeoutMs: 10_000 });
  const outcome = classify(res, Date.now());
  if (outcome.kind !== 'ok') return { ok: false, message: outcome.message };
  const ping = pingResponseSchema.safeParse(outcome.body);
  if (!ping.success) return { ok: false, message: SYNC_MESSAGES.malformed };
  if (ping.data.stationId !== stationId) return { ok: false, message: S.settings.testOtherStation(ping.data.stationId) };
  return { ok: true, message: S.settings.testOk(ping.data.stationName, ping.data.stationId) };
}
