import { describe, expect, it } from 'vitest';
import { issueToRecord } from '../../../renderer/src/db/convert';
import { getAccessSettings } from '../../../renderer/src/db/repositories/accessSettings';
import { auditFor, setAuditActor } from '../../../renderer/src/db/repositories/audit';
import { getReception, updateReception } from '../../../renderer/src/db/repositories/receptions';
import { addStaff, hasActiveStaff } from '../../../renderer/src/db/repositories/staff';
import { newIssueState } from '../../../renderer/src/db/convert';
import { DEFAULT_CONSENT_NOTICE, DEFAULT_IDLE_MINUTES } from '../../../shared/domain/access';
import { declareUpTo, migrationDbName, openCurrent, seedOldVersion } from '../../fixtures/migration';
import { SAMPLE_RECEPTION, sampleIssue } from '../../fixtures/migrationSample';

const STATION = {
  name: '银湾科创产业园人大代表联络站',
  county: '江海区',
  town: '三河镇',
  head: '张立强',
  stationId: '0190f0a0-0000-7000-8000-0000000000c1',
  createdAt: '2026-01-05T09:00:00.000+08:00',
  updatedAt: '2026-01-05T09:00:00.000+08:00',
};
const OLD_AUDIT = {
  id: '0190f0a0-0000-7000-8000-0000000000e1',
  at: SAMPLE_RECEPTION.createdAt,
  action: 'reception.create',
  entity: 'reception',
  entityId: SAMPLE_RECEPTION.id,
  detail: { issues: 1, visitors: 1 },
};

describe('schema v7 → v9 upgrade', () => {
  it('adds empty staff and access tables, keeps every row; the station then creates its first account and records consent', async () => {
    const name = migrationDbName();
    const issue = sampleIssue(1);
    await seedOldVersion(name, declareUpTo(7), async (db) => {
      await db.table('settings').put({ key: 'station', value: STATION });
      await db.table('receptions').put(SAMPLE_RECEPTION);
      await db.table('issues').put(issueToRecord(issue, SAMPLE_RECEPTION).row);
      await db.table('issueStates').put(newIssueState(issue));
      await db.table('auditLog').put(OLD_AUDIT);
    });
    const db = await openCurrent(name);
    expect(db.verno).toBeGreaterThanOrEqual(9);
    // An upgraded station has no account: the app walks it through creating the first.
    expect(await db.staff.count()).toBe(0);
    expect(await hasActiveStaff(db)).toBe(false);
    const settings = await getAccessSettings(db);
    expect(settings).toMatchObject({ idleMinutes: DEFAULT_IDLE_MINUTES, consentNotice: DEFAULT_CONSENT_NOTICE, retentionMonths: 24 });
    expect((await db.settings.get('station'))?.value).toEqual(STATION);
    const before = await getReception(db, SAMPLE_RECEPTION.id);
    expect(before?.reception).toEqual(SAMPLE_RECEPTION);
    expect(before?.reception.consent).toBeUndefined();
    expect(await auditFor(db, 'reception', SAMPLE_RECEPTION.id)).toEqual([OLD_AUDIT]);

    const first = await addStaff(db, { name: '王丽芬', pin: '135790' }, { firstOnly: true });
    setAuditActor(first);
    const consent = { agreedAt: '2026-12-04T09:30:00.000+08:00', noticeVersion: settings.noticeVersion };
    await updateReception(db, SAMPLE_RECEPTION.id, {
      channel: SAMPLE_RECEPTION.channel,
      receivedAt: SAMPLE_RECEPTION.receivedAt,
      deputyIds: SAMPLE_RECEPTION.deputyIds,
      visitors: SAMPLE_RECEPTION.visitors,
      issues: [{ ...issue, id: issue.id }],
      consent,
    });
    setAuditActor(null);
    const after = await getReception(db, SAMPLE_RECEPTION.id);
    expect(after?.reception.consent).toEqual(consent);
    expect((await auditFor(db, 'reception', SAMPLE_RECEPTION.id)).map((e) => [e.action, e.actor?.name ?? null])).toEqual([
      ['reception.create', null],
      ['reception.update', '王丽芬'],
    ]);
    db.close();
  });
});
