-- Stations, stored items (issue lists, satisfaction ratings), issues, status updates.

CREATE TABLE stations (
  id text PRIMARY KEY,
  name text NOT NULL,
  token_hash text NOT NULL UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now(),
  -- Last status update seq handed out for this station; bumped under the row lock so that
  -- seqs become visible in commit order.
  update_seq integer NOT NULL DEFAULT 0
);

-- County reference numbers per series and year, e.g. JH-2026-000123.
CREATE TABLE ref_counters (
  series text NOT NULL,
  year integer NOT NULL,
  last integer NOT NULL,
  PRIMARY KEY (series, year)
);

-- One row per pushed item, keyed by the client's id: the exactly-once register.
CREATE TABLE items (
  id text PRIMARY KEY,
  station_id text NOT NULL REFERENCES stations (id),
  kind text NOT NULL,
  content_hash text NOT NULL,
  county_ref text NOT NULL UNIQUE,
  received_at timestamptz NOT NULL
);

CREATE TABLE lists (
  id text PRIMARY KEY REFERENCES items (id),
  station_id text NOT NULL REFERENCES stations (id),
  list_year integer NOT NULL,
  list_seq integer NOT NULL,
  station_name text NOT NULL,
  sealed_at text NOT NULL,
  amends_list_id text,
  payload jsonb NOT NULL
);
CREATE INDEX lists_station ON lists (station_id, list_year, list_seq);

CREATE TABLE issues (
  id text PRIMARY KEY,
  list_id text NOT NULL REFERENCES lists (id),
  station_id text NOT NULL REFERENCES stations (id),
  seq integer NOT NULL,
  category text NOT NULL,
  summary text NOT NULL,
  handling text NOT NULL,
  suggested_department text NOT NULL,
  amends_issue_id text,
  status text NOT NULL DEFAULT 'received',
  department text,
  deadline timestamptz,
  response text,
  satisfaction text,
  updated_at timestamptz NOT NULL
);
CREATE INDEX issues_station ON issues (station_id, list_id, seq);

CREATE TABLE satisfaction_ratings (
  id text PRIMARY KEY REFERENCES items (id),
  station_id text NOT NULL REFERENCES stations (id),
  issue_id text NOT NULL REFERENCES issues (id),
  rating text NOT NULL,
  rated_at text NOT NULL,
  note text NOT NULL
);

CREATE TABLE updates (
  station_id text NOT NULL REFERENCES stations (id),
  seq integer NOT NULL,
  issue_id text NOT NULL REFERENCES issues (id),
  list_id text NOT NULL,
  type text NOT NULL,
  data jsonb NOT NULL,
  at timestamptz NOT NULL,
  PRIMARY KEY (station_id, seq)
);
