/** Shapes of the console API's answers (the server's src/console/routes/ produce them). */
export type Role = 'admin' | 'clerk' | 'department';

export interface User {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  departmentId: string | null;
}

export interface SessionInfo {
  user: User;
  csrfToken: string;
  mustChangePassword: boolean;
  expiresAt: string;
}

export interface UserListing extends User {
  departmentName: string | null;
  disabled: boolean;
  mustChangePassword: boolean;
  createdAt: string;
}

export interface Department {
  id: string;
  name: string;
  active: boolean;
  createdAt: string;
}

export interface StationOverview {
  id: string;
  name: string;
  createdAt: string;
  lastContactAt: string | null;
  listsReceived: number;
  pendingIssues: number;
}

export interface AuditEntry {
  id: number;
  at: string;
  userId: string | null;
  username: string | null;
  action: string;
  target: string | null;
  address: string | null;
  detail: Record<string, unknown>;
}
