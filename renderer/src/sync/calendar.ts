/**
 * The county's working-day calendar: asked for when the ping names a version other than
 * the one stored (so a round costs no extra request while nothing changed), validated,
 * then stored for deadline colouring (db/repositories/countyCalendar.ts). A county from
 * before the calendar names no version and is never asked; its 404 would be ignored too.
 * A calendar that does not validate is logged and the one held is kept: deadlines stay
 * coloured on the last good calendar, and lists and updates are not held up by it.
 */
import type { CountyRequest, CountyResponse } from '../../../shared/bridge/contract';
import { calendarPath, calendarResponseSchema } from '../../../shared/protocol/index';
import type { StationDb } from '../db/database';
import { countyCalendarVersion, saveCountyCalendar } from '../db/repositories/countyCalendar';
import { classify, type Outcome } from './classify';

export interface CalendarContext {
  db: StationDb;
  send: (request: CountyRequest) => Promise<CountyResponse>;
  timeoutMs: number;
  now: () => number;
}

type Failure = Exclude<Outcome, { kind: 'ok' }>;

/** `advertised`: the ping's calendarVersion (undefined from an endpoint without calendars). */
export async function refreshCalendar(ctx: CalendarContext, advertised: string | undefined): Promise<Failure | null> {
  if (advertised === undefined) return null;
  if ((await countyCalendarVersion(ctx.db)) === advertised) return null;
  const res = await ctx.send({ method: 'GET', path: calendarPath(), timeoutMs: ctx.timeoutMs });
  if (res.kind === 'response' && res.status === 404) return null;
  if (res.kind !== 'response' || res.status !== 200) {
    // Network failures, 5xx, 429, 401/403: as for any request of the round.
    const outcome = classify(res, ctx.now());
    return outcome.kind === 'ok' ? null : outcome;
  }
  // A 200 that is not a valid calendar (not JSON, say) is kept out, and not retried at once.
  const parsed = calendarResponseSchema.safeParse(parseJson(res.body));
  if (!parsed.success) {
    console.warn('County calendar is malformed; the calendar held is kept', parsed.error.message);
    return null;
  }
  await saveCountyCalendar(ctx.db, parsed.data, new Date(ctx.now()));
  console.info(`County calendar ${parsed.data.version}: ${parsed.data.holidays.length} holidays, ${parsed.data.workdays.length} working weekend days`);
  return null;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}
