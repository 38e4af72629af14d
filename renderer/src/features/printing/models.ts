/**
 * Read models of the printed forms: plain data, already resolved to what is printed
 * (names instead of ids, labels instead of codes). Loaders in ./loadModels.ts fill them
 * from the repositories; forms in ./forms render them. Nothing here writes data.
 */
import type { HandlingMode, IssueStatus } from '../../../../shared/domain/enums';
import type { Issue, Reception, StationSettings } from '../../../../shared/domain/schemas';

export type StationHeader = Pick<StationSettings, 'name' | 'county' | 'town' | 'head'>;

export interface ReceptionPrintModel {
  station: StationHeader;
  reception: Reception;
  issues: Issue[];
  deputyNames: string[];
}

export interface IssueListPrintRow {
  seq: number;
  category: string;
  summary: string;
  request: string;
  handling: HandlingMode;
  suggestedDepartment: string;
  enterprise: string;
}

export interface IssueListPrintModel {
  station: StationHeader;
  id: string;
  /** 〔2026〕第7号, or null for a draft compiled from a duty day before sealing. */
  number: string | null;
  /** Local day key of the list (sealing day, or the duty day for a draft). */
  date: string;
  rows: IssueListPrintRow[];
}

export interface AssignmentPrintModel {
  station: StationHeader;
  issue: Issue;
  reception: Reception;
  listNumber: string | null;
  countyRef: string | null;
  department: string | null;
  assignedAt: string | null;
  deadline: string | null;
  response: string | null;
}

export interface NoticeItem {
  /** Short reference code the visitor quotes (shared/domain/masking.ts). */
  code: string;
  category: string;
  /** Already masked: no full visitor name, no phone-like number. */
  enterprise: string;
  /** Masked names (张*), one each: printed so that a name never breaks across lines. */
  visitors: string[];
  summary: string;
  result: string;
  status: IssueStatus;
}

export interface NoticePrintModel {
  station: StationHeader;
  fromDay: string;
  toDay: string;
  items: NoticeItem[];
}
