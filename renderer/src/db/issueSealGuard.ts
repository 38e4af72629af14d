/**
 * Keeps the sealing fields of issue rows intact whoever writes the row.
 *
 * Forms rewrite an issue from its domain object (which knows nothing of sealing), so
 * without this guard an edit would drop `listId` and the issue would be sealed again
 * as new. The rule (see renderer/src/sync/README.md):
 * - a new issue starts `open` with listId '';
 * - rewriting a sealed issue keeps listId and countyRef; if what the county saw
 *   changed (content or visitors), it becomes `amended` and the next seal carries an
 *   amendment entry; the sealed list itself never changes;
 * - a sealed issue cannot be deleted: the county already has it.
 */
import type { Table } from 'dexie';
import type { IssueRow } from './rows';
import type { IssueSealFields } from './syncRows';

/** Fields whose change means the county's copy is out of date. */
const REPORTED_FIELDS = ['category', 'summary', 'request', 'onSpotAnswer', 'handling', 'suggestedDepartment', 'searchText'];

export class SealedIssueDeleteError extends Error {
  /** Shown to the station as is. */
  readonly userMessage = '该问题已封存进问题清单并报送县里,不能删除。如内容有误,请直接修改,系统会在下一份清单中报送更正。';
  constructor(issueId: string) {
    super(`Issue ${issueId} is sealed in an issue list and cannot be deleted`);
    this.name = 'SealedIssueDeleteError';
  }
}

type GuardedRow = IssueRow & Partial<IssueSealFields>;

export function guardIssueSealing(issues: Table<GuardedRow, string>): void {
  issues.hook('creating', (_key, obj: GuardedRow) => {
    if (typeof obj.listId !== 'string') obj.listId = '';
    obj.sealState ??= obj.listId === '' ? 'open' : 'sealed';
    obj.countyRef ??= null;
  });
  issues.hook('updating', (changes: object, _key, obj: GuardedRow) => {
    const modifications = changes as Record<string, unknown>;
    const keep: Partial<IssueSealFields> = {};
    const before = { listId: obj.listId ?? '', sealState: obj.sealState ?? 'open', countyRef: obj.countyRef ?? null };
    // A rewrite without sealing fields must not unseal the issue.
    if ('listId' in modifications && typeof modifications.listId !== 'string') keep.listId = before.listId;
    if ('sealState' in modifications && modifications.sealState === undefined) keep.sealState = before.sealState;
    if ('countyRef' in modifications && modifications.countyRef === undefined) keep.countyRef = before.countyRef;
    const sealingExplicitly = typeof modifications.sealState === 'string';
    if (!sealingExplicitly && before.listId !== '' && REPORTED_FIELDS.some((f) => f in modifications)) {
      keep.sealState = 'amended';
    }
    return Object.keys(keep).length > 0 ? keep : undefined;
  });
  issues.hook('deleting', (key, obj: GuardedRow) => {
    if (obj.listId) throw new SealedIssueDeleteError(key);
  });
}
