/**
 * Reports for the 选联工委 (admin and clerk): per department, per station and the 督察结果
 * for the 主任会议, as JSON tables for the screen and print, and as .xlsx downloads. Every
 * download writes an audit row ('report.export').
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { REPORT_STRINGS, supervisionSummary } from '../../reports/strings.js';
import { departmentTable, stationTable, supervisionTables, type NamedTable } from '../../reports/tables.js';
import { reportWorkbook } from '../../reports/xlsx.js';
import { recordAudit } from '../../store/consoleAudit.js';
import { departmentReport, stationReport, supervisionReport, validatePeriod, type ReportPeriod } from '../../store/reports.js';
import { requireRole, userOf } from '../auth/guard.js';

export const REPORT_KINDS = ['departments', 'stations', 'supervision'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function periodOf(request: FastifyRequest): ReportPeriod {
  const q = (request.query ?? {}) as Record<string, unknown>;
  return validatePeriod({ from: typeof q.from === 'string' ? q.from : '', to: typeof q.to === 'string' ? q.to : '' });
}

interface BuiltReport {
  tables: NamedTable[];
  /** The 督察结果's opening paragraph; null for the plain statistics. */
  summary: string | null;
}

async function build(request: FastifyRequest, kind: ReportKind, period: ReportPeriod): Promise<BuiltReport> {
  const ctx = request.server.consoleContext;
  const now = ctx.now();
  switch (kind) {
    case 'departments':
      return { tables: [{ sheet: REPORT_STRINGS.department.sheet, table: departmentTable(await departmentReport(ctx.db, period, now), period) }], summary: null };
    case 'stations':
      return { tables: [{ sheet: REPORT_STRINGS.station.sheet, table: stationTable(await stationReport(ctx.db, period), period) }], summary: null };
    case 'supervision': {
      const report = await supervisionReport(ctx.db, period, now);
      const reporting = report.stations.filter((s) => s.lists > 0).length;
      return { tables: supervisionTables(report), summary: supervisionSummary(report.totals, reporting) };
    }
  }
}

const FILE_TITLES: Record<ReportKind, string> = {
  departments: REPORT_STRINGS.department.file,
  stations: REPORT_STRINGS.station.file,
  supervision: REPORT_STRINGS.supervision.title,
};

export function reportFileName(kind: ReportKind, period: ReportPeriod): string {
  return `${FILE_TITLES[kind]}_${period.from.replaceAll('-', '')}-${period.to.replaceAll('-', '')}.xlsx`;
}

export function registerReportRoutes(app: FastifyInstance): void {
  for (const kind of REPORT_KINDS) {
    app.get(`/console/api/reports/${kind}`, { preHandler: requireRole('admin', 'clerk') }, async (request) => {
      const period = periodOf(request);
      const ctx = request.server.consoleContext;
      const built = await build(request, kind, period);
      return { kind, period, generatedAt: ctx.now().toISOString(), title: FILE_TITLES[kind], ...built };
    });

    app.get(`/console/api/reports/${kind}.xlsx`, { preHandler: requireRole('admin', 'clerk') }, async (request, reply: FastifyReply) => {
      const period = periodOf(request);
      const ctx = request.server.consoleContext;
      const me = userOf(request);
      const buffer = await reportWorkbook((await build(request, kind, period)).tables, REPORT_STRINGS.county);
      const name = reportFileName(kind, period);
      await recordAudit(
        ctx.db,
        { userId: me.id, username: me.username, action: 'report.export', target: kind, address: request.ip, detail: { from: period.from, to: period.to, format: 'xlsx' } },
        ctx.now(),
      );
      return reply
        .type(XLSX_TYPE)
        .header('content-disposition', `attachment; filename="report.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}`)
        .send(buffer);
    });
  }
}
