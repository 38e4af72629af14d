-- 重点督办问题 (key issues) and what the console's reports read.
-- Each year one or two issues shared by many enterprises (e.g. 企业融资难) become key
-- issues led by the standing committee's leadership: a named key issue with its leader
-- and goal groups the stations' issues under it and collects progress notes.

CREATE TABLE key_issues (
  id text PRIMARY KEY,
  year integer NOT NULL,
  title text NOT NULL,
  -- 牵头领导: a member of the standing committee's leadership, by name; not a console user.
  leader text NOT NULL,
  goal text NOT NULL,
  created_at timestamptz NOT NULL,
  created_by text REFERENCES console_users (id),
  UNIQUE (year, title)
);

-- An issue is grouped under at most one key issue.
CREATE TABLE key_issue_members (
  issue_id text PRIMARY KEY REFERENCES issues (id),
  key_issue_id text NOT NULL REFERENCES key_issues (id),
  added_at timestamptz NOT NULL,
  added_by text REFERENCES console_users (id)
);
CREATE INDEX key_issue_members_key ON key_issue_members (key_issue_id);

-- Progress notes (推进情况), only ever added; the author's name is kept as it was then.
CREATE TABLE key_issue_notes (
  id bigserial PRIMARY KEY,
  key_issue_id text NOT NULL REFERENCES key_issues (id),
  at timestamptz NOT NULL,
  author_id text REFERENCES console_users (id),
  author_name text NOT NULL,
  note text NOT NULL
);
CREATE INDEX key_issue_notes_key ON key_issue_notes (key_issue_id, at);

-- Reports count issues by the day the county received their list.
CREATE INDEX items_received ON items (received_at);

-- The 督办 board on a million issues (measured by npm run bench:county, docs/benchmarks.md):
-- only the open issues, in the board's order (deadline, then id), so a page is an ordered
-- walk that stops after 50 rows instead of sorting every open issue. INCLUDE lets the
-- colour counts read the index alone.
CREATE INDEX issues_board_open ON issues (deadline, id)
  INCLUDE (status, station_id, lead_department_id, category, list_id, satisfaction)
  WHERE status IN ('assigned', 'responded', 'published', 'reopened');
CREATE INDEX issues_board_station ON issues (station_id, deadline, id) WHERE status IN ('assigned', 'responded', 'published', 'reopened');
CREATE INDEX issues_board_department ON issues (lead_department_id, deadline, id) WHERE status IN ('assigned', 'responded', 'published', 'reopened');
CREATE INDEX issues_board_category ON issues (category, deadline, id) WHERE status IN ('assigned', 'responded', 'published', 'reopened');
-- The receive-date filter and the reports reach a list's issues by list id.
CREATE INDEX issues_board_list ON issues (list_id) INCLUDE (deadline, status) WHERE status IN ('assigned', 'responded', 'published', 'reopened');
CREATE INDEX issues_list ON issues (list_id);
