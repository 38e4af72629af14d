/**
 * 重点督办问题: key issues of the year, each with a leader (牵头领导) and a goal, the
 * stations' issues grouped under it and progress notes. Every change writes its audit row
 * in the same transaction.
 */
import { randomUUID } from 'node:crypto';
import { findUnsafeText } from '../../../shared/protocol/index.js';
import type { Database, Queryable } from '../db/database.js';
import { toIso, toSafeInt } from '../db/database.js';
import { ClerkError } from './clerkError.js';
import { recordAudit } from './consoleAudit.js';

/** Who acts, as the console's guard knows them. */
export interface Actor {
  userId: string;
  username: string;
  displayName: string;
  address: string | null;
}

export interface KeyIssueInput {
  year: number;
  title: string;
  leader: string;
  goal: string;
}

export interface KeyIssueSummary {
  id: string;
  year: number;
  title: string;
  leader: string;
  goal: string;
  createdAt: string;
  issueCount: number;
  stationCount: number;
  /** Issues whose visitor rated the result 满意 or 基本满意, or that were closed (销号). */
  solvedCount: number;
  lastNoteAt: string | null;
}

export interface KeyIssueMember {
  id: string;
  stationName: string;
  countyRef: string;
  category: string;
  summary: string;
  status: string;
  department: string | null;
}

export interface KeyIssueNote {
  id: number;
  at: string;
  authorName: string;
  note: string;
}

export interface KeyIssueDetail extends KeyIssueSummary {
  issues: KeyIssueMember[];
  notes: KeyIssueNote[];
}

function text(value: string, max: number, what: string): string {
  const t = value.trim();
  if (t === '' || t.length > max) throw new ClerkError('badKeyIssue', `请填写${what}（不超过 ${max} 个字）。`);
  return t;
}

function checkText(value: unknown): void {
  if (findUnsafeText(value)) throw new ClerkError('badText', '文字中含有不可见的控制字符，请删除后重试。');
}

export function validateKeyIssue(input: KeyIssueInput): KeyIssueInput {
  checkText(input);
  if (!Number.isInteger(input.year) || input.year < 2000 || input.year > 2100) throw new ClerkError('badYear', '请填写年度（如 2026）。');
  return { year: input.year, title: text(input.title, 60, '问题名称'), leader: text(input.leader, 60, '牵头领导'), goal: text(input.goal, 1000, '督办目标') };
}

export async function createKeyIssue(db: Database, actor: Actor, input: KeyIssueInput, now: Date): Promise<string> {
  const v = validateKeyIssue(input);
  const id = randomUUID();
  return db.transaction(async (tx) => {
    const r = await tx.query(
      `INSERT INTO key_issues (id, year, title, leader, goal, created_at, created_by) VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (year, title) DO NOTHING RETURNING id`,
      [id, v.year, v.title, v.leader, v.goal, now, actor.userId],
    );
    if (r.rows.length === 0) throw new ClerkError('keyIssueExists', `${v.year} 年已有名为“${v.title}”的重点督办问题。`, 409);
    await audit(tx, actor, 'keyIssue.create', id, { year: v.year, title: v.title }, now);
    return id;
  });
}

export async function updateKeyIssue(db: Database, actor: Actor, id: string, input: KeyIssueInput, now: Date): Promise<void> {
  const v = validateKeyIssue(input);
  await db.transaction(async (tx) => {
    const clash = await tx.query('SELECT 1 FROM key_issues WHERE year = $1 AND title = $2 AND id <> $3', [v.year, v.title, id]);
    if (clash.rows.length > 0) throw new ClerkError('keyIssueExists', `${v.year} 年已有名为“${v.title}”的重点督办问题。`, 409);
    const r = await tx.query('UPDATE key_issues SET year = $2, title = $3, leader = $4, goal = $5 WHERE id = $1 RETURNING id', [id, v.year, v.title, v.leader, v.goal]);
    if (r.rows.length === 0) throw unknownKeyIssue();
    await audit(tx, actor, 'keyIssue.update', id, { year: v.year, title: v.title }, now);
  });
}

/** Groups issues under the key issue; an issue already under another key issue is refused, naming it. */
export async function addKeyIssueMembers(db: Database, actor: Actor, id: string, issueIds: string[], now: Date): Promise<number> {
  checkText(issueIds);
  const ids = [...new Set(issueIds.map((s) => s.trim()).filter(Boolean))];
  if (ids.length === 0 || ids.length > 500) throw new ClerkError('badIssues', '请选择要归入的问题（一次不超过 500 个）。');
  return db.transaction(async (tx) => {
    await lockKeyIssue(tx, id);
    const known = await tx.query<{ id: string; key_issue_id: string | null; title: string | null }>(
      `SELECT i.id, m.key_issue_id, k.title FROM issues i
         LEFT JOIN key_issue_members m ON m.issue_id = i.id LEFT JOIN key_issues k ON k.id = m.key_issue_id
        WHERE i.id = ANY($1::text[])`,
      [ids],
    );
    if (known.rows.length !== ids.length) throw new ClerkError('unknownIssue', '有问题编号不存在，请刷新后重试。');
    const elsewhere = known.rows.find((r) => r.key_issue_id !== null && r.key_issue_id !== id);
    if (elsewhere) throw new ClerkError('issueInOtherKeyIssue', `有问题已归入重点督办问题“${elsewhere.title ?? ''}”，请先从那里移出。`, 409);
    const r = await tx.query(
      `INSERT INTO key_issue_members (issue_id, key_issue_id, added_at, added_by)
       SELECT unnest($1::text[]), $2, $3, $4 ON CONFLICT (issue_id) DO NOTHING RETURNING issue_id`,
      [ids, id, now, actor.userId],
    );
    await audit(tx, actor, 'keyIssue.addIssues', id, { issueIds: ids, added: r.rows.length }, now);
    return r.rows.length;
  });
}

export async function removeKeyIssueMember(db: Database, actor: Actor, id: string, issueId: string, now: Date): Promise<void> {
  await db.transaction(async (tx) => {
    await lockKeyIssue(tx, id);
    const r = await tx.query('DELETE FROM key_issue_members WHERE key_issue_id = $1 AND issue_id = $2 RETURNING issue_id', [id, issueId]);
    if (r.rows.length === 0) throw new ClerkError('notMember', '该问题不在此重点督办问题中。');
    await audit(tx, actor, 'keyIssue.removeIssue', id, { issueId }, now);
  });
}

export async function addKeyIssueNote(db: Database, actor: Actor, id: string, note: string, now: Date): Promise<number> {
  checkText(note);
  const t = text(note, 2000, '推进情况');
  return db.transaction(async (tx) => {
    await lockKeyIssue(tx, id);
    const r = await tx.query<{ id: unknown }>(
      'INSERT INTO key_issue_notes (key_issue_id, at, author_id, author_name, note) VALUES ($1, $2, $3, $4, $5) RETURNING id',
      [id, now, actor.userId, actor.displayName, t],
    );
    const noteId = toSafeInt(r.rows[0]?.id);
    await audit(tx, actor, 'keyIssue.addNote', id, { noteId }, now);
    return noteId;
  });
}

async function lockKeyIssue(tx: Queryable, id: string): Promise<void> {
  const r = await tx.query('SELECT id FROM key_issues WHERE id = $1 FOR UPDATE', [id]);
  if (r.rows.length === 0) throw unknownKeyIssue();
}

function unknownKeyIssue(): ClerkError {
  return new ClerkError('unknownKeyIssue', '没有这个重点督办问题，请刷新后重试。', 404);
}

async function audit(tx: Queryable, actor: Actor, action: string, target: string, detail: Record<string, unknown>, now: Date): Promise<void> {
  await recordAudit(tx, { userId: actor.userId, username: actor.username, action, target, address: actor.address, detail }, now);
}

interface SummaryRow {
  id: string;
  year: number;
  title: string;
  leader: string;
  goal: string;
  created_at: unknown;
  issue_count: unknown;
  station_count: unknown;
  solved_count: unknown;
  last_note_at: unknown;
}

const SUMMARY_SQL = `
  SELECT k.id, k.year, k.title, k.leader, k.goal, k.created_at,
         (SELECT count(*) FROM key_issue_members m WHERE m.key_issue_id = k.id) AS issue_count,
         (SELECT count(DISTINCT i.station_id) FROM key_issue_members m JOIN issues i ON i.id = m.issue_id WHERE m.key_issue_id = k.id) AS station_count,
         (SELECT count(*) FROM key_issue_members m JOIN issues i ON i.id = m.issue_id
           WHERE m.key_issue_id = k.id AND (i.status = 'closed' OR i.satisfaction IN ('satisfied', 'basicallySatisfied'))) AS solved_count,
         (SELECT max(n.at) FROM key_issue_notes n WHERE n.key_issue_id = k.id) AS last_note_at
    FROM key_issues k`;

function summary(row: SummaryRow): KeyIssueSummary {
  return {
    id: row.id,
    year: row.year,
    title: row.title,
    leader: row.leader,
    goal: row.goal,
    createdAt: toIso(row.created_at),
    issueCount: toSafeInt(row.issue_count),
    stationCount: toSafeInt(row.station_count),
    solvedCount: toSafeInt(row.solved_count),
    lastNoteAt: row.last_note_at === null ? null : toIso(row.last_note_at),
  };
}

/** Key issues of a year (or all), newest year first. */
export async function listKeyIssues(db: Queryable, year: number | null): Promise<KeyIssueSummary[]> {
  const r = await db.query<SummaryRow>(`${SUMMARY_SQL} WHERE ($1::int IS NULL OR k.year = $1::int) ORDER BY k.year DESC, k.created_at, k.id`, [year]);
  return r.rows.map(summary);
}

export interface IssueCandidate {
  id: string;
  countyRef: string;
  stationName: string;
  category: string;
  summary: string;
  keyIssueTitle: string | null;
}

/** Issues to group under a key issue: by county reference or words of the summary or category, newest first. */
export async function searchIssueCandidates(db: Queryable, query: string): Promise<IssueCandidate[]> {
  checkText(query);
  const q = query.trim().slice(0, 40);
  if (q === '') return [];
  const like = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const r = await db.query<IssueCandidate>(
    `SELECT i.id, it.county_ref AS "countyRef", s.name AS "stationName", i.category, i.summary, k.title AS "keyIssueTitle"
       FROM issues i JOIN items it ON it.id = i.list_id JOIN stations s ON s.id = i.station_id
       LEFT JOIN key_issue_members m ON m.issue_id = i.id LEFT JOIN key_issues k ON k.id = m.key_issue_id
      WHERE it.county_ref = $1 OR i.summary LIKE $2 OR i.category LIKE $2
      ORDER BY it.received_at DESC, i.seq LIMIT 30`,
    [q, like],
  );
  return r.rows;
}

export async function readKeyIssue(db: Queryable, id: string): Promise<KeyIssueDetail | null> {
  const r = await db.query<SummaryRow>(`${SUMMARY_SQL} WHERE k.id = $1`, [id]);
  const row = r.rows[0];
  if (!row) return null;
  const members = await db.query<KeyIssueMember>(
    `SELECT i.id, s.name AS "stationName", it.county_ref AS "countyRef", i.category, i.summary, i.status, i.department
       FROM key_issue_members m JOIN issues i ON i.id = m.issue_id JOIN stations s ON s.id = i.station_id JOIN items it ON it.id = i.list_id
      WHERE m.key_issue_id = $1 ORDER BY it.received_at, i.list_id, i.seq`,
    [id],
  );
  const notes = await db.query<{ id: unknown; at: unknown; author_name: string; note: string }>(
    'SELECT id, at, author_name, note FROM key_issue_notes WHERE key_issue_id = $1 ORDER BY at, id',
    [id],
  );
  return {
    ...summary(row),
    issues: members.rows,
    notes: notes.rows.map((n) => ({ id: toSafeInt(n.id), at: toIso(n.at), authorName: n.author_name, note: n.note })),
  };
}
