-- Cursors and counters as 64-bit integers: the protocol lets a station send any cursor up
-- to 15 digits, and a county that runs for decades must never overflow a counter.

ALTER TABLE stations ALTER COLUMN update_seq TYPE bigint;

ALTER TABLE updates ALTER COLUMN seq TYPE bigint;

ALTER TABLE ref_counters ALTER COLUMN last TYPE bigint;
