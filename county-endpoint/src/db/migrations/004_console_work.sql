-- The clerk's and the departments' work in the county console: assignments to a lead
-- department and co-departments with a deadline in working days, accept or return, the
-- department's written answer (draft, then submitted), follow-up notes (持续督办) and the
-- county's working-day calendar. The issue row keeps its current lead department so the
-- 督办 board and a department's inbox read one indexed table, for a million issues too.

-- The county's calendar: only the dates that depart from the weekly pattern (Saturday and
-- Sunday off). 'holiday' is a 法定节假日 day off, 'workday' a 调休 make-up working day.
CREATE TABLE work_calendar (
  day date PRIMARY KEY,
  kind text NOT NULL CHECK (kind IN ('holiday', 'workday')),
  note text NOT NULL DEFAULT '',
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by text REFERENCES console_users (id)
);

-- Seeded with the State Council's arrangement for 2026, the same dates as
-- shared/domain/calendars/cn2026.ts (a test compares the two); the admin edits it after.
INSERT INTO work_calendar (day, kind, note) VALUES
  ('2026-01-01', 'holiday', '元旦'), ('2026-01-02', 'holiday', '元旦'), ('2026-01-03', 'holiday', '元旦'),
  ('2026-02-15', 'holiday', '春节'), ('2026-02-16', 'holiday', '春节'), ('2026-02-17', 'holiday', '春节'),
  ('2026-02-18', 'holiday', '春节'), ('2026-02-19', 'holiday', '春节'), ('2026-02-20', 'holiday', '春节'),
  ('2026-02-21', 'holiday', '春节'), ('2026-02-22', 'holiday', '春节'), ('2026-02-23', 'holiday', '春节'),
  ('2026-04-04', 'holiday', '清明节'), ('2026-04-05', 'holiday', '清明节'), ('2026-04-06', 'holiday', '清明节'),
  ('2026-05-01', 'holiday', '劳动节'), ('2026-05-02', 'holiday', '劳动节'), ('2026-05-03', 'holiday', '劳动节'),
  ('2026-05-04', 'holiday', '劳动节'), ('2026-05-05', 'holiday', '劳动节'),
  ('2026-06-19', 'holiday', '端午节'), ('2026-06-20', 'holiday', '端午节'), ('2026-06-21', 'holiday', '端午节'),
  ('2026-09-25', 'holiday', '中秋节'), ('2026-09-26', 'holiday', '中秋节'), ('2026-09-27', 'holiday', '中秋节'),
  ('2026-10-01', 'holiday', '国庆节'), ('2026-10-02', 'holiday', '国庆节'), ('2026-10-03', 'holiday', '国庆节'),
  ('2026-10-04', 'holiday', '国庆节'), ('2026-10-05', 'holiday', '国庆节'), ('2026-10-06', 'holiday', '国庆节'),
  ('2026-10-07', 'holiday', '国庆节'),
  ('2026-01-04', 'workday', '元旦调休'), ('2026-02-14', 'workday', '春节调休'), ('2026-02-28', 'workday', '春节调休'),
  ('2026-05-09', 'workday', '劳动节调休'), ('2026-09-20', 'workday', '中秋节、国庆节调休'),
  ('2026-10-10', 'workday', '国庆节调休');

-- One row per department an issue was assigned to, in each round of assignment. A new
-- assignment supersedes the open rows of the issue; a return closes the department's row.
CREATE TABLE assignments (
  id bigserial PRIMARY KEY,
  issue_id text NOT NULL REFERENCES issues (id),
  department_id text NOT NULL REFERENCES departments (id),
  is_lead boolean NOT NULL,
  state text NOT NULL CHECK (state IN ('pending', 'accepted', 'returned', 'superseded')),
  deadline timestamptz NOT NULL,
  working_days integer NOT NULL,
  assigned_at timestamptz NOT NULL,
  assigned_by text REFERENCES console_users (id),
  decided_at timestamptz,
  decided_by text REFERENCES console_users (id),
  return_reason text
);
CREATE INDEX assignments_issue ON assignments (issue_id, id);
-- A department's inbox: its open rows only.
CREATE INDEX assignments_department_open ON assignments (department_id, issue_id) WHERE state IN ('pending', 'accepted');

ALTER TABLE issues ADD COLUMN lead_department_id text REFERENCES departments (id);

-- The board: open issues by status and deadline, and by lead department.
CREATE INDEX issues_status_deadline ON issues (status, deadline);
CREATE INDEX issues_lead_department ON issues (lead_department_id, status, deadline);
-- 待认领: issues waiting for a (new) lead department, in list order. Issues answered on the
-- spot never wait for one, and a county holds many: they stay out of the index.
CREATE INDEX issues_unclaimed ON issues (station_id, list_id, seq)
  WHERE lead_department_id IS NULL AND status IN ('received', 'assigned', 'reopened') AND handling <> 'onSpot';

-- A department's written answer. At most one draft per issue and department; a submitted
-- answer is kept as it was sent, and the next round's answer is a new row.
CREATE TABLE answers (
  id bigserial PRIMARY KEY,
  issue_id text NOT NULL REFERENCES issues (id),
  department_id text NOT NULL REFERENCES departments (id),
  state text NOT NULL CHECK (state IN ('draft', 'submitted')),
  progress text NOT NULL,
  reply text NOT NULL,
  result text CHECK (result IN ('solved', 'partlySolved', 'policyUnable')),
  explanation text NOT NULL,
  handler_name text NOT NULL,
  handler_phone text NOT NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  updated_by text REFERENCES console_users (id),
  submitted_at timestamptz
);
CREATE UNIQUE INDEX answers_one_draft ON answers (issue_id, department_id) WHERE state = 'draft';
CREATE INDEX answers_issue ON answers (issue_id, id);

-- 持续督办: each follow-up of an overdue or unsatisfied issue, with its note.
CREATE TABLE follow_ups (
  id bigserial PRIMARY KEY,
  issue_id text NOT NULL REFERENCES issues (id),
  reason text NOT NULL CHECK (reason IN ('overdue', 'unsatisfied', 'other')),
  note text NOT NULL,
  at timestamptz NOT NULL,
  by_user text REFERENCES console_users (id),
  by_name text NOT NULL
);
CREATE INDEX follow_ups_issue ON follow_ups (issue_id, at)
