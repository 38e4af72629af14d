/** From a print route (form + ids) to the documents to lay out, via the loaders and the forms. */
import { dayKey } from '../../../../shared/domain/time';
import type { PrintDocument } from './document';
import { assignmentDocument } from './forms/AssignmentForm';
import { issueListDocument } from './forms/IssueListForm';
import { noticeDocument } from './forms/NoticeForm';
import { receptionDocument } from './forms/ReceptionForm';
import { loadAssignments, loadIssueLists, loadNotices, loadReceptions } from './loadModels';
import { FORM_KINDS, T, type PrintFormKind } from './strings';

export interface PrintJob {
  form: PrintFormKind;
  documents: PrintDocument[];
  missing: number;
  landscape: boolean;
  /** Offered in the save dialog, e.g. 来访接待登记表-2026-03-01.pdf */
  fileName: string;
}

export function isFormKind(form: string): form is PrintFormKind {
  return (FORM_KINDS as string[]).includes(form);
}

export async function buildPrintJob(form: PrintFormKind, ids: string[], today = new Date()): Promise<PrintJob> {
  const wanted = ids.map((id) => id.trim()).filter(Boolean);
  const loaded = await load(form, wanted, dayKey(today));
  return {
    form,
    ...loaded,
    landscape: form === 'issueList',
    fileName: `${T.forms[form]}-${dayKey(today)}.pdf`,
  };
}

async function load(form: PrintFormKind, ids: string[], todayKey: string): Promise<{ documents: PrintDocument[]; missing: number }> {
  switch (form) {
    case 'reception': {
      const r = await loadReceptions(ids);
      return { documents: r.models.map(receptionDocument), missing: r.missing };
    }
    case 'issueList': {
      const r = await loadIssueLists(ids);
      return { documents: r.models.map(issueListDocument), missing: r.missing };
    }
    case 'assignment': {
      const r = await loadAssignments(ids);
      return { documents: r.models.map(assignmentDocument), missing: r.missing };
    }
    case 'notice': {
      const r = await loadNotices(ids);
      return { documents: r.models.map((m) => noticeDocument(m, todayKey)), missing: r.missing };
    }
  }
}
