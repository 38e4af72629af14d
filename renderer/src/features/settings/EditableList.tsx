/**
 * An editable list (categories or departments): add, rename, deactivate/reactivate,
 * move up/down. Enter adds or renames, except while an input method is composing.
 */
import { useId, useState } from 'react';
import type { ListEntry } from '../../../../shared/domain/schemas';
import { getDb, stationRepo, useLiveQuery } from '../../db';
import type { stationRepo as StationRepo } from '../../db';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { useSaving } from '../../ui/useSaving';
import { onPlainEnter } from '../../ui/ime';
import { entryNameError } from './entryName';

type ListKind = Parameters<typeof StationRepo.listEntries>[1];

interface EditableListProps {
  kind: ListKind;
  title: string;
  description: string;
}

export function EditableList({ kind, title, description }: EditableListProps) {
  const entries = useLiveQuery(() => stationRepo.listEntries(getDb(), kind, true), [kind]);
  const { failure: error, run } = useSaving(`the ${kind} list`);
  const headingId = useId();

  return (
    <section className="panel settings-section" aria-labelledby={headingId}>
      <h2 id={headingId}>{title}</h2>
      <p className="muted">{description}</p>
      {error ? <ErrorNotice message="保存失败，请再试一次。" error={error} /> : null}
      {!entries ? (
        <p role="status">正在读取…</p>
      ) : (
        <>
          <ol className="entry-list" aria-label={`${title}列表`}>
            {entries.map((entry, index) => (
              <EntryRow
                key={entry.id}
                entry={entry}
                entries={entries}
                first={index === 0}
                last={index === entries.length - 1}
                run={run}
                kind={kind}
              />
            ))}
          </ol>
          <AddEntry title={title} entries={entries} onAdd={(name) => run(() => stationRepo.addEntry(getDb(), kind, name))} />
        </>
      )}
    </section>
  );
}

interface EntryRowProps {
  kind: ListKind;
  entry: ListEntry;
  entries: ListEntry[];
  first: boolean;
  last: boolean;
  run: (action: () => Promise<unknown>) => Promise<boolean>;
}

function EntryRow({ kind, entry, entries, first, last, run }: EntryRowProps) {
  const [renaming, setRenaming] = useState(false);
  const [draft, setDraft] = useState(entry.name);
  const [message, setMessage] = useState<string | null>(null);
  const inputId = useId();
  const db = getDb();

  async function saveName() {
    const problem = entryNameError(draft, entries, entry.id);
    setMessage(problem);
    if (problem) return;
    if (await run(() => stationRepo.updateEntry(db, kind, entry.id, { name: draft }))) setRenaming(false);
  }

  if (renaming) {
    return (
      <li className="entry-row editing">
        <label htmlFor={inputId} className="visually-hidden-label">
          新名称
        </label>
        <input
          id={inputId}
          value={draft}
          autoFocus
          aria-invalid={Boolean(message)}
          aria-describedby={message ? `${inputId}-error` : undefined}
          onChange={(e) => setDraft(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Escape') setRenaming(false);
            else onPlainEnter(() => void saveName())(e);
          }}
        />
        <button type="button" className="primary" onClick={() => void saveName()}>
          保存
        </button>
        <button type="button" onClick={() => setRenaming(false)}>
          取消
        </button>
        {message ? (
          <span id={`${inputId}-error`} className="ui-error entry-error">
            {message}
          </span>
        ) : null}
      </li>
    );
  }

  return (
    <li className={entry.active ? 'entry-row' : 'entry-row inactive'}>
      <span className="entry-name">{entry.name}</span>
      {entry.active ? null : <span className="entry-badge">已停用</span>}
      <span className="entry-actions">
        <button
          type="button"
          onClick={() => void run(() => stationRepo.moveEntry(db, kind, entry.id, 'up'))}
          disabled={first}
          aria-label={`上移 ${entry.name}`}
          title="上移"
        >
          ↑
        </button>
        <button
          type="button"
          onClick={() => void run(() => stationRepo.moveEntry(db, kind, entry.id, 'down'))}
          disabled={last}
          aria-label={`下移 ${entry.name}`}
          title="下移"
        >
          ↓
        </button>
        <button
          type="button"
          onClick={() => {
            setDraft(entry.name);
            setMessage(null);
            setRenaming(true);
          }}
          aria-label={`改名 ${entry.name}`}
        >
          改名
        </button>
        <button
          type="button"
          onClick={() => void run(() => stationRepo.updateEntry(db, kind, entry.id, { active: !entry.active }))}
          aria-label={`${entry.active ? '停用' : '恢复'} ${entry.name}`}
        >
          {entry.active ? '停用' : '恢复'}
        </button>
      </span>
    </li>
  );
}

function AddEntry({ title, entries, onAdd }: { title: string; entries: ListEntry[]; onAdd: (name: string) => Promise<boolean> }) {
  const [name, setName] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const inputId = useId();

  async function add() {
    const problem = entryNameError(name, entries);
    setMessage(problem);
    if (problem) return;
    if (await onAdd(name.trim())) setName('');
  }

  return (
    <div className="entry-add">
      <label htmlFor={inputId}>新增{title}</label>
      <div className="entry-add-row">
        <input
          id={inputId}
          value={name}
          aria-invalid={Boolean(message)}
          aria-describedby={message ? `${inputId}-error` : undefined}
          onChange={(e) => setName(e.target.value)}
          onKeyDown={onPlainEnter(() => void add())}
          autoComplete="off"
        />
        <button type="button" onClick={() => void add()}>
          添加
        </button>
      </div>
      {message ? (
        <span id={`${inputId}-error`} className="ui-error">
          {message}
        </span>
      ) : null}
    </div>
  );
}
