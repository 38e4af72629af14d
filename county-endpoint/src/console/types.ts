/** The roles of the county console and the signed-in user every console route sees. */
export const CONSOLE_ROLES = ['admin', 'clerk', 'department'] as const;
export type ConsoleRole = (typeof CONSOLE_ROLES)[number];

export interface ConsoleUser {
  id: string;
  username: string;
  displayName: string;
  role: ConsoleRole;
  /** Set for department users only: every query they reach is scoped to it. */
  departmentId: string | null;
}
