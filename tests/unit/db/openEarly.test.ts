/**
 * renderer/public/open-early.js (a plain script the page runs before the app's code) opens
 * the database the app will open: the same name and the same restore pointer. It creates
 * nothing: on a new PC the app creates the database with its schema.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { ACTIVE_KEY } from '../../../renderer/src/db/backup/activeDatabase';
import { DB_NAME } from '../../../renderer/src/db/database';

const script = readFileSync(resolve(import.meta.dirname, '../../../renderer/public/open-early.js'), 'utf8');
const html = readFileSync(resolve(import.meta.dirname, '../../../renderer/index.html'), 'utf8');

interface FakeRequest {
  result: { close: () => void };
  transaction: { abort: () => void };
  onupgradeneeded?: () => void;
  onsuccess?: () => void;
  onerror?: (event: { preventDefault: () => void }) => void;
}

function run(stored: string | null) {
  const opened: string[] = [];
  const events = { closed: 0, aborted: 0 };
  const requests: FakeRequest[] = [];
  const indexedDB = {
    open(name: string, version?: number) {
      expect(version).toBeUndefined();
      opened.push(name);
      const request: FakeRequest = { result: { close: () => void (events.closed += 1) }, transaction: { abort: () => void (events.aborted += 1) } };
      requests.push(request);
      return request;
    },
  };
  const localStorage = { getItem: (key: string) => (key === ACTIVE_KEY ? stored : null) };
  void runInNewContext(script, { indexedDB, localStorage });
  return { opened, events, request: requests[0]! };
}

describe('open-early.js', () => {
  it('opens the database the app opens, with no version, and closes it once open', () => {
    const { opened, events, request } = run(null);
    expect(opened).toEqual([DB_NAME]);
    request.onsuccess?.();
    expect(events.closed).toBe(1);
  });

  it('follows the restore pointer', () => {
    expect(run('station-desk-restored-1').opened).toEqual(['station-desk-restored-1']);
  });

  it('creates nothing: a database that does not exist yet is not made here', () => {
    const { events, request } = run(null);
    request.onupgradeneeded?.();
    expect(events.aborted).toBe(1);
    let prevented = false;
    request.onerror?.({ preventDefault: () => void (prevented = true) });
    expect(prevented).toBe(true);
  });

  it('never stops the page when storage is unavailable', () => {
    const denied = { getItem: (): string => { throw new Error('denied'); } };
    expect(() => void runInNewContext(script, { localStorage: denied, indexedDB: {} })).not.toThrow();
  });

  it('runs before the app’s module script', () => {
    expect(html.indexOf('/open-early.js')).toBeGreaterThan(0);
    expect(html.indexOf('/open-early.js')).toBeLessThan(html.indexOf('type="module"'));
  });
});
