-- The 督办 board on a million issues, continued (npm run bench:county, docs/benchmarks.md).

-- The moment the county received the issue's list (items.received_at), kept on the issue
-- row: the push sets it, this backfills it. The board's receive-date filter then reads the
-- open issues' own index instead of joining every issue's list.
ALTER TABLE issues ADD COLUMN received_at timestamptz;
UPDATE issues i SET received_at = it.received_at FROM items it WHERE it.id = i.list_id;
ALTER TABLE issues ALTER COLUMN received_at SET NOT NULL;
CREATE INDEX issues_board_received ON issues (received_at)
  INCLUDE (deadline, id, status, station_id, lead_department_id, category, satisfaction)
  WHERE status IN ('assigned', 'responded', 'published', 'reopened');

-- A page filtered by station, lead department or category walks that filter's index in
-- the board's order; with the other filters' columns included, a combination (承办单位 +
-- 类别 + 红色) is tested in the index too and the walk stops after the page, without
-- reading the issue rows it skips.
DROP INDEX issues_board_station;
CREATE INDEX issues_board_station ON issues (station_id, deadline, id) INCLUDE (status, lead_department_id, category, satisfaction)
  WHERE status IN ('assigned', 'responded', 'published', 'reopened');
DROP INDEX issues_board_department;
CREATE INDEX issues_board_department ON issues (lead_department_id, deadline, id) INCLUDE (status, station_id, category, satisfaction)
  WHERE status IN ('assigned', 'responded', 'published', 'reopened');
DROP INDEX issues_board_category;
CREATE INDEX issues_board_category ON issues (category, deadline, id) INCLUDE (status, station_id, lead_department_id, satisfaction)
  WHERE status IN ('assigned', 'responded', 'published', 'reopened');

-- The board's 三色 counts without counting every open issue: open issues per status, China
-- deadline date and 不满意 flag, once for the whole county (dim 'all', val '') and once per
-- station, lead department and category. The counts for no filter or one of those filters
-- (with any status, colour or 督办 filter) are a sum over a few thousand rows at most, read
-- from the key's index alone (n is included in it); the deadline date splits red, yellow
-- and green except on today, which the board counts directly. Only issues awaiting the
-- answer (交办 or 持续督办) have a colour: the others, and an issue without a deadline, have
-- deadline_day 'infinity'.
CREATE TABLE board_counts (
  dim text NOT NULL CHECK (dim IN ('all', 'station', 'department', 'category')),
  val text NOT NULL,
  status text NOT NULL,
  deadline_day date NOT NULL,
  unsatisfied boolean NOT NULL,
  n integer NOT NULL,
  PRIMARY KEY (dim, val, status, deadline_day, unsatisfied) INCLUDE (n)
);

-- An issue's deadline date in China time, as board_counts keys it.
CREATE FUNCTION board_counts_day(status text, deadline timestamptz) RETURNS date LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN status IN ('assigned', 'reopened') AND deadline IS NOT NULL
              THEN ((deadline AT TIME ZONE 'UTC') + interval '8 hours')::date ELSE 'infinity'::date END
$$;

-- Kept by a trigger on issues, in the transaction that changes the issue, whatever code
-- changes it (push, assignment, answer, 公示, 销号, 持续督办, a rating, the command line).
-- Rows are upserted in key order so two transactions lock them in the same order; a row
-- whose count falls to zero is removed, so the table holds only live combinations.
CREATE FUNCTION board_counts_add(r issues, delta integer) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  v_day date := board_counts_day(r.status, r.deadline);
  v_unsat boolean := COALESCE(r.satisfaction = 'unsatisfied', false);
BEGIN
  INSERT INTO board_counts AS b (dim, val, status, deadline_day, unsatisfied, n)
  SELECT d.dim, d.val, r.status, v_day, v_unsat, delta
    FROM (VALUES ('all', ''), ('category', r.category), ('department', r.lead_department_id), ('station', r.station_id)) AS d (dim, val)
   WHERE d.val IS NOT NULL
   ORDER BY d.dim, d.val
  ON CONFLICT (dim, val, status, deadline_day, unsatisfied) DO UPDATE SET n = b.n + EXCLUDED.n;
  IF delta < 0 THEN
    DELETE FROM board_counts b
     WHERE b.n = 0 AND b.status = r.status AND b.deadline_day = v_day AND b.unsatisfied = v_unsat
       AND (b.dim, b.val) IN (('all', ''), ('category', r.category), ('department', COALESCE(r.lead_department_id, '')), ('station', r.station_id));
  END IF;
END
$$;

CREATE FUNCTION board_counts_track() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  was_open boolean := TG_OP <> 'INSERT' AND OLD.status IN ('assigned', 'responded', 'published', 'reopened');
  is_open boolean := TG_OP <> 'DELETE' AND NEW.status IN ('assigned', 'responded', 'published', 'reopened');
BEGIN
  IF was_open AND is_open
     AND OLD.status = NEW.status AND OLD.station_id = NEW.station_id AND OLD.category = NEW.category
     AND OLD.lead_department_id IS NOT DISTINCT FROM NEW.lead_department_id
     AND board_counts_day(OLD.status, OLD.deadline) = board_counts_day(NEW.status, NEW.deadline)
     AND COALESCE(OLD.satisfaction = 'unsatisfied', false) = COALESCE(NEW.satisfaction = 'unsatisfied', false) THEN
    RETURN NULL;
  END IF;
  IF was_open THEN
    PERFORM board_counts_add(OLD, -1);
  END IF;
  IF is_open THEN
    PERFORM board_counts_add(NEW, 1);
  END IF;
  RETURN NULL;
END
$$;

-- Counts board_counts afresh from the issues: fills it here, after a bulk load that ran
-- with the trigger disabled (the benchmark's fill), or as a repair. Writers wait meanwhile.
CREATE FUNCTION board_counts_rebuild() RETURNS void LANGUAGE sql AS $$
  LOCK TABLE issues IN SHARE MODE;
  DELETE FROM board_counts;
  INSERT INTO board_counts (dim, val, status, deadline_day, unsatisfied, n)
  SELECT d.dim, d.val, i.status, board_counts_day(i.status, i.deadline), COALESCE(i.satisfaction = 'unsatisfied', false), count(*)
    FROM issues i
   CROSS JOIN LATERAL (VALUES ('all', ''), ('category', i.category), ('department', i.lead_department_id), ('station', i.station_id)) AS d (dim, val)
   WHERE i.status IN ('assigned', 'responded', 'published', 'reopened') AND d.val IS NOT NULL
   GROUP BY 1, 2, 3, 4, 5;
$$;

SELECT board_counts_rebuild();

CREATE TRIGGER issues_board_counts
  AFTER INSERT OR DELETE OR UPDATE OF status, station_id, lead_department_id, category, deadline, satisfaction ON issues
  FOR EACH ROW EXECUTE FUNCTION board_counts_track();
