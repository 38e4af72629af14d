/**
 * Every console API route module, registered under /console/api/. Add a screen's routes by
 * adding its register function here; each route states its roles with requireRole.
 */
import type { FastifyInstance } from 'fastify';
import { registerAuditRoutes } from './audit.js';
import { registerAuthRoutes } from './auth.js';
import { registerCalendarRoutes } from './calendar.js';
import { registerDepartmentWorkRoutes } from './departmentWork.js';
import { registerDepartmentRoutes } from './departments.js';
import { registerKeyIssueRoutes } from './keyIssues.js';
import { registerReportRoutes } from './reports.js';
import { registerStationRoutes } from './stations.js';
import { registerUserRoutes } from './users.js';
import { registerWorkRoutes } from './work.js';

export const CONSOLE_ROUTE_MODULES: ((app: FastifyInstance) => void)[] = [
  // Accounts, sessions and the admin's screens.
  registerAuthRoutes,
  registerUserRoutes,
  registerDepartmentRoutes,
  registerStationRoutes,
  registerAuditRoutes,
  // The clerk's and departments' work (issues, 督办, calendar).
  registerWorkRoutes,
  registerDepartmentWorkRoutes,
  registerCalendarRoutes,
  // Reports and 重点督办问题.
  registerReportRoutes,
  registerKeyIssueRoutes,
];
