/**
 * Records in the audit log that the signed-in account opened a saved record (a reception,
 * an issue). Once per opening: React's development double effects, and a re-render, do not
 * write a second entry (same record within a second).
 */
import { useEffect } from 'react';
import { auditRepo, getDb } from '../../db';

let last: { key: string; at: number } | null = null;

export function recordView(entity: string, id: string): void {
  const key = `${entity}/${id}`;
  const now = Date.now();
  if (last && last.key === key && now - last.at < 1000) return;
  last = { key, at: now };
  auditRepo.recordAccess(getDb(), 'viewed', { entity, id }).catch((e: unknown) => console.error('Recording a view failed', e));
}

export function useRecordView(entity: string, id: string | null): void {
  useEffect(() => {
    if (id) recordView(entity, id);
  }, [entity, id]);
}
