/**
 * The reception form: one screen, keyboard first, autosaved as a draft while typing.
 * Validation uses the domain schema; the repository checks again when saving.
 */
import { useCallback, useEffect, useState } from 'react';
import { useFieldArray, useForm, type FieldErrors } from 'react-hook-form';
import type { Deputy, DutyDay, ValidReceptionInput } from '../../../../shared/domain/schemas';
import { formatChineseDate, formatTime } from '../../../../shared/domain/time';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { ConsentField } from '../access/ConsentField';
import type { ReceptionWithIssues } from '../../db';
import { emptyIssue, emptyVisitor, type IssueValues, type ReceptionFormValues, type VisitorValues } from './formModel';
import { receptionResolver } from './formResolver';
import { HeaderFields } from './HeaderFields';
import { IssuesSection } from './IssuesSection';
import { T } from './strings';
import { useDraftAutosave } from './useDraftAutosave';
import { useReceptionShortcuts } from './useReceptionShortcuts';
import { useSaveReception } from './useSaveReception';
import { userMessageOf } from './userMessage';
import { VisitorsSection } from './VisitorsSection';

export interface ReceptionFormProps {
  receptionId: string | null;
  initialValues: ReceptionFormValues;
  baseUpdatedAt: string | null;
  draftId: string;
  restoredAt: string | null;
  sharedWithOtherWindow: boolean;
  dutyDay: DutyDay | null;
  deputies: Deputy[];
  categories: string[];
  departments: string[];
  onDiscardDraft: () => void;
  onReloadLatest: () => void;
  onSaved: (result: ReceptionWithIssues) => void;
}

type Removed = { kind: 'visitor'; index: number; value: VisitorValues } | { kind: 'issue'; index: number; value: IssueValues };

function countErrors(errors: FieldErrors): number {
  let n = 0;
  for (const value of Object.values(errors)) {
    if (!value || typeof value !== 'object') continue;
    if (typeof (value as { message?: unknown }).message === 'string') n += 1;
    else n += countErrors(value as FieldErrors);
  }
  return n;
}

export function ReceptionForm(props: ReceptionFormProps) {
  const { receptionId, draftId, baseUpdatedAt, dutyDay, onSaved } = props;
  const form = useForm<ReceptionFormValues, unknown, ValidReceptionInput>({
    defaultValues: props.initialValues,
    resolver: receptionResolver,
    mode: 'onSubmit',
    reValidateMode: 'onChange',
    shouldFocusError: true,
  });
  const visitors = useFieldArray({ control: form.control, name: 'visitors' });
  const issues = useFieldArray({ control: form.control, name: 'issues' });
  const autosave = useDraftAutosave(form, draftId, receptionId, baseUpdatedAt);
  const saver = useSaveReception({ receptionId, draftId, baseUpdatedAt, dutyDayId: dutyDay?.id ?? null });
  const [removed, setRemoved] = useState<Removed | null>(null);
  // A form opens with the cursor on the first visitor's name: on a new one (Ctrl+N,
  // 继续登记下一位) channel, time and deputies come prefilled, the name is what is typed
  // first; an opened record starts there too, not on the page behind the menu.
  const { setFocus } = form;
  useEffect(() => {
    setFocus('visitors.0.name');
  }, [setFocus, receptionId]);

  const submit = useCallback(() => {
    if (saver.saving) return;
    void form.handleSubmit(async (valid) => {
      autosave.suspend();
      const result = await saver.save(valid);
      if (result) onSaved(result);
      else autosave.resume();
    })();
  }, [form, saver, autosave, onSaved]);

  const addIssue = useCallback(() => {
    issues.append(emptyIssue(), { focusName: `issues.${issues.fields.length}.category` });
  }, [issues]);

  const addVisitor = useCallback(() => {
    const first = form.getValues('visitors.0.enterprise') ?? '';
    visitors.append(emptyVisitor(first), { focusName: `visitors.${visitors.fields.length}.name` });
  }, [form, visitors]);

  const removeVisitor = (index: number) => {
    setRemoved({ kind: 'visitor', index, value: form.getValues(`visitors.${index}`) });
    visitors.remove(index);
  };
  const removeIssue = (index: number) => {
    setRemoved({ kind: 'issue', index, value: form.getValues(`issues.${index}`) });
    issues.remove(index);
  };
  const undoRemove = () => {
    if (!removed) return;
    if (removed.kind === 'visitor') visitors.insert(removed.index, removed.value);
    else issues.insert(removed.index, removed.value);
    setRemoved(null);
  };

  useReceptionShortcuts({ save: submit, addIssue, addVisitor }, true);

  const errorCount = form.formState.isSubmitted ? countErrors(form.formState.errors) : 0;
  const problem = saver.problem;

  return (
    <form
      className="rc-form"
      noValidate
      aria-label={receptionId ? T.titleEdit : T.titleNew}
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      {props.restoredAt ? (
        <div className="rc-banner" role="status">
          <span>{T.draftRestored(formatTime(props.restoredAt))}</span>
          <button
            type="button"
            onClick={() => {
              autosave.suspend();
              props.onDiscardDraft();
            }}
          >
            {T.discardDraft}
          </button>
        </div>
      ) : null}
      {props.sharedWithOtherWindow ? <p className="warning">{T.otherWindow}</p> : null}
      {errorCount > 0 ? (
        <p className="rc-error-summary" role="alert">
          {T.errorSummary(errorCount)}
        </p>
      ) : null}
      {problem?.kind === 'conflict' ? (
        <div className="ui-error-notice rc-conflict" role="alert">
          <p>{T.conflict(formatTime(problem.currentUpdatedAt))}</p>
          <div className="rc-actions">
            <button
              type="button"
              onClick={() => {
                autosave.suspend();
                props.onReloadLatest();
              }}
            >
              {T.reloadLatest}
            </button>
            <button
              type="button"
              className="danger"
              onClick={() => {
                saver.allowOverwrite(problem.currentUpdatedAt);
                submit();
              }}
            >
              {T.overwrite}
            </button>
          </div>
        </div>
      ) : null}
      {problem?.kind === 'deleted' ? <ErrorNotice message={T.deletedElsewhere} /> : null}
      {problem?.kind === 'failed' ? <ErrorNotice message={userMessageOf(problem.error, T.saveFailed)} error={problem.error} /> : null}

      <HeaderFields form={form} deputies={props.deputies} />
      <VisitorsSection form={form} fields={visitors.fields} onAdd={addVisitor} onRemove={removeVisitor} />
      <IssuesSection
        form={form}
        fields={issues.fields}
        categories={props.categories}
        departments={props.departments}
        onAdd={addIssue}
        onRemove={removeIssue}
      />
      <ConsentField form={form} />

      <div className="rc-bar">
        <button type="button" className="primary big" onClick={submit} disabled={saver.saving} aria-keyshortcuts="Control+Enter">
          {saver.saving ? T.saving : T.save} <kbd>{T.shortcutSave}</kbd>
        </button>
        <div className="rc-bar-status" role="status">
          {removed ? (
            <>
              {T.removed(removed.kind === 'visitor' ? T.visitorN(removed.index + 1) : T.issueN(removed.index + 1))}{' '}
              <button type="button" onClick={undoRemove}>
                {T.undo}
              </button>
            </>
          ) : null}
          {receptionId === null ? (
            <span className="muted">{dutyDay ? T.dutyDayNote(formatChineseDate(dutyDay.date)) : T.noDutyDayNote}</span>
          ) : null}
          {autosave.savedAt ? (
            <span className="muted">{T.draftSavedAt(formatTime(autosave.savedAt.toISOString()))}</span>
          ) : null}
        </div>
      </div>
    </form>
  );
}
