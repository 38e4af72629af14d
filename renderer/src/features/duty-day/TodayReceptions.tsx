/** The open duty day's receptions, newest first, a page at a time. */
import { useEffect, useState } from 'react';
import { useLocation, Link } from 'wouter';
import { CHANNEL_LABELS, HANDLING_MODES, HANDLING_LABELS } from '../../../../shared/domain/enums';
import type { Issue, Reception } from '../../../../shared/domain/schemas';
import { formatTime } from '../../../../shared/domain/time';
import { dutyDayReadsRepo, getDb, useLiveQuery } from '../../db/startup';
import { lastAnswer } from '../../state/lastAnswer';

const PAGE_SIZE = 20;

type ReceptionPage = Awaited<ReturnType<typeof dutyDayReadsRepo.receptionPageOfDutyDay>>;

/** Today opened again shows the page it showed while the page is read again. */
const shown = lastAnswer<ReceptionPage>();

export function TodayReceptions({ dutyDayId }: { dutyDayId: string }) {
  const [pageIndex, setPageIndex] = useState(0);
  const [, navigate] = useLocation();
  const key = `${dutyDayId}/${pageIndex}`;
  const live = useLiveQuery(
    () => dutyDayReadsRepo.receptionPageOfDutyDay(getDb(), dutyDayId, { offset: pageIndex * PAGE_SIZE, limit: PAGE_SIZE }),
    [dutyDayId, pageIndex],
  );
  useEffect(() => {
    if (live) shown.remember(key, live);
  }, [key, live]);
  const page = live ?? shown.recall(key);
  if (!page) return <p role="status">正在读取来访记录…</p>;
  const pages = Math.max(1, Math.ceil(page.total / PAGE_SIZE));

  return (
    <>
      <table className="today-list">
        <caption>本接待日来访记录（共 {page.total} 次）</caption>
        <thead>
          <tr>
            <th scope="col">时间</th>
            <th scope="col">方式</th>
            <th scope="col">来访人</th>
            <th scope="col">企业（单位）</th>
            <th scope="col">问题</th>
            <th scope="col">办理方式</th>
          </tr>
        </thead>
        <tbody>
          {page.items.length === 0 ? (
            <tr>
              <td colSpan={6} className="today-empty">
                还没有来访记录。有人来访时，点右上角的“登记来访”。
              </td>
            </tr>
          ) : (
            page.items.map(({ reception, issues }) => (
              <tr key={reception.id} onClick={() => navigate(`/reception/${reception.id}`)}>
                <td>
                  <Link href={`/reception/${reception.id}`} aria-label={`查看 ${formatTime(reception.receivedAt)} 的来访记录`}>
                    {formatTime(reception.receivedAt)}
                  </Link>
                </td>
                <td>{CHANNEL_LABELS[reception.channel]}</td>
                <td>{visitorText(reception)}</td>
                <td>{enterpriseText(reception)}</td>
                <td>{issues.length} 个</td>
                <td>
                  <HandlingTags issues={issues} />
                </td>
              </tr>
            ))
          )}
        </tbody>
      </table>
      {pages > 1 ? (
        <nav className="today-pager" aria-label="翻页">
          <button type="button" onClick={() => setPageIndex((p) => p - 1)} disabled={pageIndex === 0}>
            上一页
          </button>
          <span>
            第 {pageIndex + 1} / {pages} 页
          </span>
          <button type="button" onClick={() => setPageIndex((p) => p + 1)} disabled={pageIndex + 1 >= pages}>
            下一页
          </button>
        </nav>
      ) : null}
    </>
  );
}

function visitorText(r: Reception): string {
  const first = r.visitors.slice(0, 2).map((v) => v.name);
  return r.visitors.length > 2 ? `${first.join('、')} 等 ${r.visitors.length} 人` : first.join('、');
}

function enterpriseText(r: Reception): string {
  const names = [...new Set(r.visitors.map((v) => v.enterprise.trim()).filter(Boolean))];
  return names.length ? names.join('、') : '—';
}

function HandlingTags({ issues }: { issues: Issue[] }) {
  return (
    <>
      {HANDLING_MODES.map((mode) => {
        const n = issues.filter((i) => i.handling === mode).length;
        return n ? (
          <span key={mode} className={`mode-tag ${mode}`}>
            {HANDLING_LABELS[mode]} {n}
          </span>
        ) : null;
      })}
    </>
  );
}
