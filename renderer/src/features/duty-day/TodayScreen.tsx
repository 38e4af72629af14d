/**
 * Today: without an open duty day, a clear call to start one (and a way to record a
 * reception anyway), or, when today's day is already closed, that it is closed and a way
 * to reopen it (one duty day per date); with one open, its date, the deputies on duty
 * and its receptions.
 */
import { Link } from 'wouter';
import { isUnderstaffed } from '../../../../shared/domain/dutyDaySummary';
import { MIN_DEPUTIES_PER_DUTY_DAY } from '../../../../shared/domain/enums';
import type { DutyDay } from '../../../../shared/domain/schemas';
import { formatChineseDate } from '../../../../shared/domain/time';
import { PageHeader } from '../../ui/PageHeader';
import { TodoPanel } from '../follow-up/TodoPanel';
import { TodayReceptions } from './TodayReceptions';
import { UnderstaffedWarning } from './UnderstaffedWarning';
import { ReopenDutyDay } from './ReopenDutyDay';
import { T as S } from './strings';
import { deputyNames, useOpenDutyDay, useRoster, useTodayDutyDay } from './useDutyDayData';
import './dutyDay.css';

export function TodayScreen() {
  const open = useOpenDutyDay();
  const { date, day: today } = useTodayDutyDay();
  if (open === undefined || today === undefined) return <p role="status">正在读取…</p>;
  if (open) return <OpenDay day={open} today={date} />;
  return today ? <TodayClosed day={today} /> : <NoOpenDay />;
}

function TodayClosed({ day }: { day: DutyDay }) {
  return (
    <>
      <TodoPanel />
      <PageHeader title="今日接待" />
      <section className="panel today-start" aria-label="今天的接待日已结束">
        <p>{S.todayClosed(formatChineseDate(day.date))}</p>
        <p className="muted">{S.todayClosedHint}</p>
        <div className="duty-actions today-closed-actions">
          <Link href="/reception/new" className="button primary big">
            {S.recordAnyway}
          </Link>
          <ReopenDutyDay day={day} />
        </div>
      </section>
    </>
  );
}

function NoOpenDay() {
  return (
    <>
      <TodoPanel />
      <PageHeader title="今日接待" />
      <section className="panel today-start" aria-label="开始接待日">
        <p>今天还没有开始接待日。代表到岗后，请先开始接待日，再登记来访。</p>
        <Link href="/duty/open" className="button primary big">
          开始今天的接待日
        </Link>
        <p className="muted">
          不在接待日收到的来电、微信或走访，也可以
          <Link href="/reception/new">直接登记来访</Link>。
        </p>
      </section>
    </>
  );
}

function OpenDay({ day, today }: { day: DutyDay; today: string }) {
  const roster = useRoster();
  const names = roster ? deputyNames(roster, day.deputyIds) : [];
  return (
    <>
      <TodoPanel />
      <section className="today-head" aria-label="接待日信息">
        <div>
          <h1 className="today-date">今日接待 · {formatChineseDate(day.date)}接待日</h1>
          <p className="today-deputies">
            在岗代表（{day.deputyIds.length} 位）：<strong>{names.join('、')}</strong>
          </p>
          {day.date !== today ? (
            <p className="warning" role="status">
              这是{formatChineseDate(day.date)}开始的接待日，还没有结束。如果那天的接待已经完成，请先点“结束接待日”。
            </p>
          ) : null}
          {isUnderstaffed(day.deputyIds.length, MIN_DEPUTIES_PER_DUTY_DAY) ? (
            <UnderstaffedWarning count={day.deputyIds.length} />
          ) : null}
        </div>
        <div className="today-side">
          <Link href="/reception/new" className="button primary big" aria-keyshortcuts="Control+N">
            登记来访 (Ctrl+N)
          </Link>
          <Link href="/duty/close" className="button">
            结束接待日
          </Link>
          <Link href={`/print/reception/day-${day.id}`} className="button">
            打印本日登记表
          </Link>
        </div>
      </section>
      <TodayReceptions dutyDayId={day.id} />
    </>
  );
}
