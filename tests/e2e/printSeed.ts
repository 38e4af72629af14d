/**
 * Test data for the printing specs. The station is set up through the real first-run
 * screen; duty days, receptions and issues are built in Node with the app's own domain
 * code (ids, row conversion with search bigrams) and written into the page's IndexedDB,
 * because printing needs hundreds of issues that would take minutes to type.
 */
import type { Page } from '@playwright/test';
import { newId } from '../../shared/domain/ids';
import { initialStatus } from '../../shared/domain/issueStatus';
import type { HandlingMode } from '../../shared/domain/enums';
import type { Deputy, DutyDay, Issue, Reception, Visitor } from '../../shared/domain/schemas';
import { issueToRecord, newIssueState } from '../../renderer/src/db/convert';
import { completeFirstRun } from './support/setup';

export interface SeedIssue {
  category: string;
  summary: string;
  request: string;
  onSpotAnswer: string;
  handling: HandlingMode;
  suggestedDepartment: string;
  status?: Issue['status'];
}

export interface SeedReception {
  receivedAt: string;
  visitors: Visitor[];
  issues: SeedIssue[];
}

async function idb<T>(page: Page, op: 'read' | 'write', payload: Record<string, unknown[]>): Promise<T> {
  return page.evaluate(
    async ({ op, payload }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const r = indexedDB.open('station-desk');
        r.onsuccess = () => resolve(r.result);
        r.onerror = () => reject(new Error(String(r.error)));
      });
      const stores = Object.keys(payload);
      const tx = db.transaction(stores, op === 'read' ? 'readonly' : 'readwrite');
      const out: Record<string, unknown[]> = {};
      for (const name of stores) {
        const store = tx.objectStore(name);
        if (op === 'write') for (const row of payload[name]!) store.put(row);
        else {
          const req = store.getAll();
          req.onsuccess = () => (out[name] = req.result as unknown[]);
        }
      }
      await new Promise<void>((resolve, reject) => {
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(new Error(String(tx.error)));
      });
      db.close();
      return out as T;
    },
    { op, payload },
  );
}

/** Sets the station up through the UI and returns its deputies. */
export async function setUpStation(page: Page): Promise<Deputy[]> {
  await completeFirstRun(page);
  const { deputies } = await idb<{ deputies: Deputy[] }>(page, 'read', { deputies: [] });
  return deputies.sort((a, b) => a.order - b.order);
}

/** Writes one duty day with its receptions; returns the ids made. */
export async function seedDutyDay(
  page: Page,
  deputies: Deputy[],
  date: string,
  receptions: SeedReception[],
): Promise<{ dutyDayId: string; receptionIds: string[]; issueIds: string[][] }> {
  const deputyIds = deputies.slice(0, 3).map((d) => d.id);
  const day: DutyDay = {
    id: newId(),
    date,
    status: 'closed',
    deputyIds,
    openedAt: `${date}T08:30:00.000+08:00`,
    closedAt: `${date}T17:00:00.000+08:00`,
  };
  const receptionRows: Reception[] = [];
  const issueRows: unknown[] = [];
  const termRows: unknown[] = [];
  const stateRows: unknown[] = [];
  const issueIds: string[][] = [];
  for (const r of receptions) {
    const reception: Reception = {
      id: newId(),
      dutyDayId: day.id,
      channel: 'walkIn',
      receivedAt: r.receivedAt,
      deputyIds,
      visitors: r.visitors,
      createdAt: r.receivedAt,
      updatedAt: r.receivedAt,
    };
    receptionRows.push(reception);
    const ids: string[] = [];
    r.issues.forEach((i, index) => {
      const issue: Issue = {
        id: newId(),
        receptionId: reception.id,
        dutyDayId: day.id,
        seq: index + 1,
        category: i.category,
        summary: i.summary,
        request: i.request,
        onSpotAnswer: i.onSpotAnswer,
        handling: i.handling,
        suggestedDepartment: i.suggestedDepartment,
        status: i.status ?? initialStatus(i.handling),
        recordedAt: r.receivedAt,
        updatedAt: r.receivedAt,
      };
      ids.push(issue.id);
      const record = issueToRecord(issue, reception);
      issueRows.push(record.row);
      termRows.push(record.terms);
      stateRows.push(newIssueState(issue));
    });
    issueIds.push(ids);
  }
  await idb(page, 'write', { dutyDays: [day], receptions: receptionRows, issues: issueRows, issueTerms: termRows, issueStates: stateRows });
  return { dutyDayId: day.id, receptionIds: receptionRows.map((r) => r.id), issueIds };
}
