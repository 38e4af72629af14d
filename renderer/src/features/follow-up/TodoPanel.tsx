/**
 * 待办: what the station owes its visitors, counted and listed, each issue one click from
 * its screen. Read live from the v10 indexes (never a scan of the history).
 */
import { useEffect, useState } from 'react';
import { Link } from 'wouter';
import { ISSUE_STATUS_LABELS } from '../../../../shared/domain/enums';
import { TODO_LIST_LIMIT, type TodoGroup, type TodoIssue, type TodoListName } from '../../db/repositories/todo';
import { TODO_ROWS_FOLDED, useTodo } from './todoPrefetch';
import { formatDay } from './format';
import { F } from './strings';
import './followUp.css';

const T = F.todo;

/**
 * The groups unfolded, kept when Today closes: a deputy working down a list (opening an
 * issue, handling it, coming back) finds it still unfolded, and its last answer with it.
 */
let unfolded: ReadonlySet<TodoListName> = new Set();

export function TodoPanel({ title = T.title }: { title?: string }) {
  // A folded group reads only the rows it shows; 显示更多 reads up to TODO_LIST_LIMIT.
  const [expanded, setExpanded] = useState<ReadonlySet<TodoListName>>(() => unfolded);
  useEffect(() => {
    unfolded = expanded;
  }, [expanded]);
  const todo = useTodo(expanded);
  const fold = (name: TodoListName) => ({
    expanded: expanded.has(name),
    onToggle: () =>
      setExpanded((now) => {
        const next = new Set(now);
        if (!next.delete(name)) next.add(name);
        return next;
      }),
  });
  if (todo === undefined) return <section className="panel todo" aria-label={title} aria-busy="true" />;
  return (
    <section className="panel todo" aria-label={title}>
      <h2>
        {title} <span className="todo-total">{T.total(todo.total)}</span>
      </h2>
      {todo.total === 0 ? <p className="muted">{T.none}</p> : null}
      <Group id="handBack" title={T.handBack} hint={T.handBackHint} group={todo.handBack} {...fold('handBack')} />
      <Group id="rate" title={T.rate} hint={T.rateHint} group={todo.rate} {...fold('rate')} />
      <Group id="deadlines" title={T.deadlines} hint={T.deadlinesHint(todo.onTime)} group={todo.deadlines} show={todo.onTime > 0} {...fold('deadlines')} />
      <Group id="stale" title={T.stale(todo.staleFollowUpDays)} group={todo.staleFollowUp} {...fold('staleFollowUp')} />
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

interface GroupProps {
  id: string;
  title: string;
  hint?: string;
  group: TodoGroup;
  /** Shown even with nothing listed (deadlines still on time are counted in the hint). */
  show?: boolean;
  expanded: boolean;
  onToggle: () => void;
}

function Group({ id, title, hint, group, show = false, expanded, onToggle }: GroupProps) {
  if (group.count === 0 && !show) return null;
  const rows = expanded ? group.items : group.items.slice(0, TODO_ROWS_FOLDED);
  const listed = Math.min(group.count, TODO_LIST_LIMIT);
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
      {group.count > TODO_ROWS_FOLDED ? (
        <button type="button" className="todo-toggle" aria-expanded={expanded} onClick={onToggle}>
          {expanded ? T.fold : T.unfold(listed)}
        </button>
      ) : null}
      {expanded && listed < group.count ? <p className="muted">{T.more(listed, group.count)}</p> : null}
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
