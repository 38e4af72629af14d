/** Route paths of the app (hash-based, so a reload keeps the screen). */
export const ROUTES = {
  today: '/',
  setup: '/setup',
  openDutyDay: '/duty/open',
  closeDutyDay: '/duty/close',
  newReception: '/reception/new',
  editReception: (id: string) => `/reception/${id}`,
  history: '/history',
  settings: '/settings',
  sync: '/sync',
  print: '/print',
  statistics: '/statistics',
} as const;
