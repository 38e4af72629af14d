-- The county console: departments, users with roles, sessions, login throttling, the
-- first-admin setup codes and the audit log. Everything several endpoint processes must
-- agree on lives here, so processes can be added behind a load balancer.

CREATE TABLE departments (
  id text PRIMARY KEY,
  name text NOT NULL UNIQUE,
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE console_users (
  id text PRIMARY KEY,
  username text NOT NULL UNIQUE,
  display_name text NOT NULL,
  role text NOT NULL CHECK (role IN ('admin', 'clerk', 'department')),
  department_id text REFERENCES departments (id),
  password_hash text NOT NULL,
  must_change_password boolean NOT NULL DEFAULT true,
  disabled boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  -- A department user belongs to exactly one department; nobody else belongs to one.
  CHECK ((role = 'department') = (department_id IS NOT NULL))
);

-- Only the sha-256 of the session id is stored: a copy of this table opens no session.
CREATE TABLE console_sessions (
  id_hash text PRIMARY KEY,
  user_id text NOT NULL REFERENCES console_users (id) ON DELETE CASCADE,
  csrf_token text NOT NULL,
  created_at timestamptz NOT NULL,
  last_seen_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL
);
CREATE INDEX console_sessions_user ON console_sessions (user_id);
CREATE INDEX console_sessions_expires ON console_sessions (expires_at);

-- Failed attempts per key ('user:<name>', 'addr:<address>', 'setup:<address>'), counted
-- in a sliding window; a key over its limit is locked until locked_until.
CREATE TABLE console_login_failures (
  key text PRIMARY KEY,
  failures integer NOT NULL,
  window_started_at timestamptz NOT NULL,
  locked_until timestamptz
);

-- One-time codes that let the first admin be created from the browser. Each process that
-- starts while no admin exists issues one and prints it to its own log; only its hash is
-- kept, and every code dies once an admin exists.
CREATE TABLE console_setup_codes (
  code_hash text PRIMARY KEY,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL
);

CREATE TABLE console_audit (
  id bigserial PRIMARY KEY,
  at timestamptz NOT NULL DEFAULT now(),
  user_id text,
  username text,
  action text NOT NULL,
  target text,
  address text,
  detail jsonb NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX console_audit_at ON console_audit (at);

-- When a station last spoke the protocol (any authenticated request), for the console's
-- station list; written at most once a minute per station.
ALTER TABLE stations ADD COLUMN last_contact_at timestamptz;
