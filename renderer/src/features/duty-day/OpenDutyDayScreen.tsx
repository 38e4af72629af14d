/**
 * Open a duty day: pick the date (today by default) and tick the deputies on duty from
 * the active roster. Fewer than MIN_DEPUTIES_PER_DUTY_DAY is warned about, never blocked.
 * A date that already has a duty day cannot get a second one: the screen says so at once
 * and offers to reopen that day instead. The date field has the focus on arrival.
 */
import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useId, useState } from 'react';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { Link, useLocation } from 'wouter';
import { isUnderstaffed } from '../../../../shared/domain/dutyDaySummary';
import { MIN_DEPUTIES_PER_DUTY_DAY } from '../../../../shared/domain/enums';
import { dutyDayOpenSchema, type DutyDayOpenInput } from '../../../../shared/domain/schemas';
import { dayKey, formatChineseDate } from '../../../../shared/domain/time';
import { DutyDayExistsError, dutyDaysRepo, getDb } from '../../db';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { Field } from '../../ui/Field';
import { PageHeader } from '../../ui/PageHeader';
import { TodoPanel } from '../follow-up/TodoPanel';
import { F } from '../follow-up/strings';
import { preventImeEnterSubmit } from '../../ui/ime';
import { ReopenDutyDay } from './ReopenDutyDay';
import { T } from './strings';
import { useActiveDeputies, useDutyDayOfDate, useOpenDutyDay } from './useDutyDayData';
import { UnderstaffedWarning } from './UnderstaffedWarning';
import './dutyDay.css';

export function OpenDutyDayScreen() {
  const open = useOpenDutyDay();
  const deputies = useActiveDeputies();
  if (open === undefined || deputies === undefined) return <p role="status">正在读取…</p>;
  if (open) {
    return (
      <>
        <PageHeader title="开始接待日" />
        <div className="panel duty-already-open" role="status">
          <p>
            {formatChineseDate(open.date)}的接待日还没有结束。同一时间只能有一个接待日。
          </p>
          <div className="duty-actions">
            <Link href="/" className="button primary big">
              回到今日接待
            </Link>
            <Link href="/duty/close" className="button big">
              结束这个接待日
            </Link>
          </div>
        </div>
      </>
    );
  }
  return <OpenDutyDayForm deputies={deputies} />;
}

function OpenDutyDayForm({ deputies }: { deputies: { id: string; name: string; level: string; role: string }[] }) {
  const [, navigate] = useLocation();
  const [saveError, setSaveError] = useState<unknown>(null);
  const groupId = useId();
  const {
    register,
    control,
    handleSubmit,
    setFocus,
    formState: { errors, isSubmitting },
  } = useForm<DutyDayOpenInput>({
    resolver: zodResolver(dutyDayOpenSchema),
    defaultValues: { date: dayKey(new Date()), deputyIds: [] },
  });
  const ticked = useWatch({ control, name: 'deputyIds' });
  const date = useWatch({ control, name: 'date' });
  const taken = useDutyDayOfDate(date);
  useEffect(() => setFocus('date'), [setFocus]);

  const onSubmit = handleSubmit(async (values) => {
    setSaveError(null);
    try {
      await dutyDaysRepo.openDutyDay(getDb(), values);
      navigate('/');
    } catch (e) {
      // Another window opened that date meanwhile: the live query shows it, no error needed.
      if (e instanceof DutyDayExistsError) return;
      console.error('Opening the duty day failed', e);
      setSaveError(e);
    }
  });

  const deputyError = errors.deputyIds?.message ?? errors.deputyIds?.root?.message;

  return (
    <>
      <PageHeader title="开始接待日" subtitle="选择日期，勾选今天在岗的代表，然后点“开始接待”。" />
      <form className="panel duty-open-form" onSubmit={(e) => void onSubmit(e)} onKeyDown={preventImeEnterSubmit} noValidate>
        <Field
          label="接待日期"
          error={errors.date?.message}
          hint={/^\d{4}-\d{2}-\d{2}$/.test(date) ? formatChineseDate(date) : undefined}
          required
          className="duty-date"
        >
          {(p) => <input type="date" {...p} {...register('date')} />}
        </Field>
        {taken ? (
          <div className="warning duty-date-taken" role="alert">
            <p>{T.dateTaken(formatChineseDate(taken.date), taken.status === 'open')}</p>
            {taken.status === 'closed' ? (
              <>
                <p className="muted">{T.dateTakenHint}</p>
                <ReopenDutyDay day={taken} className="button" />
              </>
            ) : null}
          </div>
        ) : null}

        <fieldset
          className="duty-deputies"
          aria-invalid={Boolean(deputyError)}
          aria-describedby={deputyError ? `${groupId}-error` : `${groupId}-hint`}
        >
          <legend>在岗代表（已勾选 {ticked.length} 位）</legend>
          <p id={`${groupId}-hint`} className="muted">
            每个接待日应有至少 {MIN_DEPUTIES_PER_DUTY_DAY} 位代表在岗。停用的代表不在此列出，可在“设置”中恢复。
          </p>
          {deputies.length === 0 ? (
            <p className="warning">名单里还没有在岗的代表，请先到“设置”里添加或恢复代表。</p>
          ) : (
            <Controller
              control={control}
              name="deputyIds"
              render={({ field }) => (
                <ul className="duty-deputy-list">
                  {deputies.map((d) => {
                    const checked = field.value.includes(d.id);
                    return (
                      <li key={d.id}>
                        <label className={checked ? 'duty-deputy checked' : 'duty-deputy'}>
                          <input
                            type="checkbox"
                            checked={checked}
                            onChange={(e) =>
                              field.onChange(
                                e.target.checked ? [...field.value, d.id] : field.value.filter((id) => id !== d.id),
                              )
                            }
                            onBlur={field.onBlur}
                          />
                          <span className="duty-deputy-name">{d.name}</span>
                          <span className="muted">
                            {d.level}人大代表{d.role ? ` · ${d.role}` : ''}
                          </span>
                        </label>
                      </li>
                    );
                  })}
                </ul>
              )}
            />
          )}
          {deputyError ? (
            <p id={`${groupId}-error`} className="ui-error" role="alert">
              {deputyError}
            </p>
          ) : null}
        </fieldset>

        {ticked.length > 0 && isUnderstaffed(ticked.length, MIN_DEPUTIES_PER_DUTY_DAY) ? (
          <UnderstaffedWarning count={ticked.length} />
        ) : null}
        {saveError ? <ErrorNotice message="开始接待日失败，请再试一次。" error={saveError} /> : null}

        <div className="duty-actions">
          <button type="submit" className="primary big" disabled={isSubmitting || Boolean(taken)}>
            {isSubmitting ? '正在保存…' : '开始接待'}
          </button>
          <Link href="/" className="button big">
            取消
          </Link>
        </div>
      </form>
      <TodoPanel title={F.dutyOpen.title} />
    </>
  );
}
