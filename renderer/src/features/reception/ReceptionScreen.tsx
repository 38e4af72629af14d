/**
 * Record a new reception (/reception/new) or edit one (/reception/:id). Loads what the
 * form needs once (the reception, its draft slot, the open duty day), keeps the lists
 * live, and switches between the form, the saved confirmation and the deleted state.
 */
import { useEffect, useRef, useState } from 'react';
import { useLocation } from 'wouter';
import type { DutyDay } from '../../../../shared/domain/schemas';
import { ROUTES } from '../../routes';
import { useNavigationStore } from '../../state/navigation';
import { PageHeader } from '../../ui/PageHeader';
import { draftsRepo, dutyDaysRepo, getDb, receptionsRepo, stationRepo, useLiveQuery, type ReceptionWithIssues } from '../../db';
import { useRecordView } from '../access/useRecordView';
import { AuditTrail } from './AuditTrail';
import { ReceptionIssues } from '../follow-up/ReceptionIssues';
import { DeleteReception } from './DeleteReception';
import { acquireDraftSlot, forgetRestoredDraft, type DraftSlot } from './draftSlot';
import { newReceptionValues, valuesFromReception } from './formModel';
import { ReceptionForm } from './ReceptionForm';
import { SavedPanel } from './SavedPanel';
import { T } from './strings';
import './reception.css';

interface Boot {
  slot: DraftSlot;
  existing: ReceptionWithIssues | null;
  openDay: DutyDay | null;
}

function useLists() {
  return useLiveQuery(async () => {
    const db = getDb();
    const [deputies, categories, departments] = await Promise.all([
      stationRepo.listDeputies(db, true),
      stationRepo.listEntries(db, 'categories'),
      stationRepo.listEntries(db, 'departments'),
    ]);
    return { deputies, categories: categories.map((c) => c.name), departments: departments.map((d) => d.name) };
  }, []);
}

export function ReceptionScreen({ receptionId }: { receptionId: string | null }) {
  const baseId = draftsRepo.receptionDraftId(receptionId);
  const [, navigate] = useLocation();
  const lists = useLists();
  const openDay = useLiveQuery(async () => (await dutyDaysRepo.getOpenDutyDay(getDb())) ?? null, []);
  const [boot, setBoot] = useState<Boot | null>(null);
  const [useRestored, setUseRestored] = useState(true);
  const [formKey, setFormKey] = useState(0);
  const [reloads, setReloads] = useState(0);
  const [saved, setSaved] = useState<ReceptionWithIssues | null>(null);
  const [deleted, setDeleted] = useState(false);
  useRecordView('reception', receptionId);

  useEffect(() => {
    let cancelled = false;
    const claim = acquireDraftSlot(baseId);
    const db = getDb();
    Promise.all([
      claim.slot,
      receptionId ? receptionsRepo.getReception(db, receptionId) : Promise.resolve(undefined),
      dutyDaysRepo.getOpenDutyDay(db),
    ])
      .then(([slot, existing, day]) => {
        if (cancelled) return;
        setBoot({ slot, existing: existing ?? null, openDay: day ?? null });
        setSaved(null);
        setDeleted(false);
        setFormKey((k) => k + 1);
      })
      .catch((error: unknown) => console.error('Opening the reception form failed', error));
    return () => {
      cancelled = true;
      claim.release();
    };
  }, [baseId, receptionId, reloads]);

  const startOver = () => {
    forgetRestoredDraft(baseId);
    setUseRestored(false);
    setReloads((n) => n + 1);
  };

  // "登记来访" chosen again (menu or Ctrl+N) after a save: a blank form for the next visitor.
  const onAskedAgain = useRef(() => {});
  useEffect(() => {
    onAskedAgain.current = () => {
      if (saved && !receptionId) startOver();
    };
  });
  useEffect(
    () =>
      useNavigationStore.subscribe((s, prev) => {
        if (s.screenGeneration !== prev.screenGeneration) onAskedAgain.current();
      }),
    [],
  );

  const title = receptionId ? T.titleEdit : T.titleNew;
  if (!boot || !lists || openDay === undefined) {
    return (
      <p className="loading" role="status">
        {T.loading}
      </p>
    );
  }

  if (saved) {
    return (
      <SavedPanel
        saved={saved}
        wasEdit={receptionId !== null}
        onNext={() => (receptionId ? navigate(ROUTES.newReception) : startOver())}
        onView={() => (receptionId ? startOver() : navigate(ROUTES.editReception(saved.reception.id)))}
      />
    );
  }

  if (receptionId && (deleted || !boot.existing)) {
    return (
      <div className="rc-screen">
        <PageHeader title={title} />
        <p className="warning" role="status">
          {deleted ? T.deleted : T.notFound}
        </p>
        <p>
          <a href={`#${ROUTES.today}`}>{T.backToday}</a>
        </p>
        <AuditTrail receptionId={receptionId} />
      </div>
    );
  }

  const restored = useRestored ? boot.slot.restored : null;
  const existing = boot.existing;
  const initialValues =
    restored?.data.values ??
    (existing ? valuesFromReception(existing.reception, existing.issues) : newReceptionValues(boot.openDay?.deputyIds ?? []));
  const baseUpdatedAt = restored ? restored.data.baseUpdatedAt : (existing?.reception.updatedAt ?? null);

  return (
    <div className="rc-screen">
      <PageHeader
        title={title}
        actions={
          existing ? (
            <>
              <a className="button" href={`#/print/reception/${existing.reception.id}`}>
                {T.print}
              </a>
              <DeleteReception
                receptionId={existing.reception.id}
                visitorName={existing.reception.visitors[0]?.name ?? ''}
                issueCount={existing.issues.length}
                onDeleted={() => {
                  void draftsRepo.clearDraft(getDb(), boot.slot.draftId);
                  setDeleted(true);
                }}
              />
            </>
          ) : undefined
        }
      />
      <ReceptionForm
        key={formKey}
        receptionId={receptionId}
        initialValues={initialValues}
        baseUpdatedAt={baseUpdatedAt}
        draftId={boot.slot.draftId}
        restoredAt={restored?.updatedAt ?? null}
        sharedWithOtherWindow={boot.slot.sharedWithOtherWindow}
        dutyDay={receptionId ? null : openDay}
        deputies={lists.deputies}
        categories={lists.categories}
        departments={lists.departments}
        onDiscardDraft={() => {
          draftsRepo
            .clearDraft(getDb(), boot.slot.draftId)
            .then(startOver)
            .catch((error: unknown) => console.error('Discarding the draft failed', error));
        }}
        onReloadLatest={() => {
          draftsRepo
            .clearDraft(getDb(), boot.slot.draftId)
            .then(startOver)
            .catch((error: unknown) => console.error('Discarding the draft failed', error));
        }}
        onSaved={(result) => {
          forgetRestoredDraft(baseId);
          setUseRestored(false);
          setSaved(result);
        }}
      />
      {existing ? <ReceptionIssues receptionId={existing.reception.id} /> : null}
      {existing ? <AuditTrail receptionId={existing.reception.id} /> : null}
    </div>
  );
}
