/**
 * 待办: what the station owes its visitors, counted and listed, each issue one click from
 * its screen. Read live from the v10 indexes (never a scan of the history).
 */
import { useState } from 'react';
import { Link } from 'wouter';
import { ISSUE_STATUS_LABELS } from '../../../../shared/domain/enums';
import type { TodoGroup, TodoIssue } from '../../db/repositories/todo';
import { useTodo } from './todoPrefetch';
import { formatDay } from './format';
import { F } from './strings';
import './followUp.css';

const T = F.todo;

export function TodoPanel({ title = T.title }: { title?: string }) {
  const todo = useTodo();
  if (todo === undefined) return <section className="panel todo" aria-label={title} aria-busy="true" />;
  return (
    <section className="panel todo" aria-label={title}>
      <h2>
        {title} <span className="todo-total">{T.total(todo.total)}</span>
      </h2>
      {todo.total === 0 ? <p className="muted">{T.none}</p> : null}
      <Group id="handBack" title={T.handBack} hint={T.handBackHint} group={todo.handBack} />
      <Group id="rate" title={T.rate} hint={T.rateHint} group={todo.rate} />
      <Group id="deadlines" title={T.deadlines} hint={T.deadlinesHint(todo.onTime)} group={todo.deadlines} show={todo.onTime > 0} />
      <Group id="stale" title={T.stale(todo.staleFollowUpDays)} group={todo.staleFollowUp} />
      {todo.unsealed > 0 || todo.listsWaiting > 0 ? (
        <div className="todo-group" data-todo="sync">
          {todo.unsealed > 0 ? <p>{T.unsealed(todo.unsealed)}</p> : null}
          {todo.listsWaiting > 0 ? <p>{T.listsWaiting(todo.listsWaiting)}</p> : null}
          <Link href="/sync">{T.goSync}</Link>
        </div>
      ) : null}
    </section>
  );
}

/**
 * Rows shown per group before 显示更多: Today stays one screen, so the duty day's own start
 * and receptions below are not pushed out of sight by a long 待办.
 */
export const TODO_ROWS_FOLDED = 5;

/** `show`: shown even with nothing listed (deadlines still on time are counted in the hint). */
function Group({ id, title, hint, group, show = false }: { id: string; title: string; hint?: string; group: TodoGroup; show?: boolean }) {
  const [expanded, setExpanded] = useState(false);
  if (group.count === 0 && !show) return null;
  const rows = expanded ? group.items : group.items.slice(0, TODO_ROWS_FOLDED);
  return (
    <div className="todo-group" data-todo={id}>
      <h3>
        {title} <span className="todo-count">{group.count}</span>
      </h3>
      {hint ? <p className="muted todo-hint">{hint}</p> : null}
      <ul>
        {rows.map((item) => (
          <TodoRow key={item.id} item={item} />
        ))}
      </ul>
      {group.items.length > TODO_ROWS_FOLDED ? (
        <button type="button" className="todo-toggle" aria-expanded={expanded} onClick={() => setExpanded(!expanded)}>
          {expanded ? T.fold : T.unfold(group.items.length)}
        </button>
      ) : null}
      {expanded && group.items.length < group.count ? <p className="muted">{T.more(group.items.length, group.count)}</p> : null}
    </div>
  );
}

function TodoRow({ item }: { item: TodoIssue }) {
  return (
    <li className={item.colour ? `todo-item deadline-${item.colour}` : 'todo-item'}>
      <Link href={`/issue/${item.id}`}>{item.summary}</Link>
      <span className="muted">
        {' '}
        · {item.category}
        {item.enterprise ? ` · ${item.enterprise}` : ''} · {ISSUE_STATUS_LABELS[item.status]}
      </span>
      {item.deadline && item.colour ? (
        <span className={`deadline-badge deadline-${item.colour}`}>
          {F.colours[item.colour]} · {T.deadlineOn(formatDay(item.deadline))}
        </span>
      ) : null}
      {item.lastProgressAt ? <span className="muted"> · {T.lastProgress(formatDay(item.lastProgressAt))}</span> : null}
    </li>
  );
}
