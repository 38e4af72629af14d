/** Shapes of the work API's answers (server: src/console/routes/work.ts, departmentWork.ts, calendar.ts). */
export type Colour = 'green' | 'yellow' | 'red';

export interface Options {
  stations: { id: string; name: string }[];
  departments: { id: string; name: string }[];
  categories: string[];
  defaultDays: number;
}

export interface UnclaimedIssue {
  id: string;
  countyRef: string;
  stationId: string;
  stationName: string;
  listYear: number;
  listSeq: number;
  seq: number;
  category: string;
  summary: string;
  handling: string;
  suggestedDepartment: string;
  status: string;
  receivedAt: string;
  returnedBy: string | null;
  returnReason: string | null;
}

export interface BoardRow {
  id: string;
  countyRef: string;
  stationName: string;
  listYear: number;
  listSeq: number;
  seq: number;
  category: string;
  summary: string;
  status: string;
  departmentName: string | null;
  leadState: 'pending' | 'accepted' | null;
  deadline: string | null;
  colour: Colour | null;
  satisfaction: string | null;
  receivedAt: string;
}

export interface Board {
  rows: BoardRow[];
  total: number;
  counts: Record<Colour, number>;
}

export interface InboxRow {
  id: string;
  countyRef: string;
  stationName: string;
  category: string;
  summary: string;
  status: string;
  isLead: boolean;
  assignmentState: 'pending' | 'accepted';
  deadline: string;
  colour: Colour | null;
  assignedAt: string;
  hasDraft: boolean;
}

export interface AnswerView {
  id: number;
  state: 'draft' | 'submitted';
  progress: string;
  reply: string;
  result: string | null;
  explanation: string;
  handlerName: string;
  handlerPhone: string;
  updatedAt: string;
  submittedAt: string | null;
  departmentName: string;
}

export interface IssueDetail {
  id: string;
  countyRef: string;
  stationName: string;
  listYear: number;
  listSeq: number;
  seq: number;
  receivedAt: string;
  category: string;
  summary: string;
  request: string;
  onSpotAnswer: string;
  handling: string;
  suggestedDepartment: string;
  recordedAt: string | null;
  visitors: { name: string; phone: string; enterprise: string; position: string }[];
  status: string;
  department: string | null;
  deadline: string | null;
  colour: Colour | null;
  response: string | null;
  satisfaction: string | null;
  satisfactionNote: string | null;
  assignments: { departmentId: string; departmentName: string; isLead: boolean; state: string; deadline: string; workingDays: number; assignedAt: string; returnReason: string | null }[];
  answers: AnswerView[];
  followUps: { reason: string; note: string; at: string; byName: string }[];
  notice: { summary: string; response: string };
  mine: { isLead: boolean; state: 'pending' | 'accepted' } | null;
}

export interface CalendarDay {
  day: string;
  kind: 'holiday' | 'workday';
  note: string;
}
