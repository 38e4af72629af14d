/**
 * Closed vocabularies of the domain. Stored values are stable English codes;
 * the Chinese labels a user sees live beside them, in one place.
 */

export const CHANNELS = ['walkIn', 'phone', 'wechat', 'enterpriseVisit', 'forum', 'forwardedQr'] as const;
export type Channel = (typeof CHANNELS)[number];
export const CHANNEL_LABELS: Record<Channel, string> = {
  walkIn: '来访',
  phone: '来电',
  wechat: '微信群',
  enterpriseVisit: '走访企业',
  forum: '座谈会',
  forwardedQr: '码上找代表',
};

export const HANDLING_MODES = ['onSpot', 'stationFollowUp', 'referToCounty'] as const;
export type HandlingMode = (typeof HANDLING_MODES)[number];
export const HANDLING_LABELS: Record<HandlingMode, string> = {
  onSpot: '当场答复办结',
  stationFollowUp: '联络站协调',
  referToCounty: '提请交办',
};

/** Issue lifecycle as seen from the station (DESIGN.md section 2). */
export const ISSUE_STATUSES = [
  'recorded',
  'resolvedOnSpot',
  'submitted',
  'assigned',
  'responded',
  'published',
  'closed',
  'reopened',
] as const;
export type IssueStatus = (typeof ISSUE_STATUSES)[number];
export const ISSUE_STATUS_LABELS: Record<IssueStatus, string> = {
  recorded: '已登记',
  resolvedOnSpot: '当场办结',
  submitted: '已报送',
  assigned: '已交办',
  responded: '已答复',
  published: '已公示',
  closed: '已销号',
  reopened: '持续督办',
};

export const DEPUTY_LEVELS = ['全国', '省', '市', '县', '区', '镇'] as const;
export type DeputyLevel = (typeof DEPUTY_LEVELS)[number];

export const DUTY_DAY_STATUSES = ['open', 'closed'] as const;
export type DutyDayStatus = (typeof DUTY_DAY_STATUSES)[number];

/** The minimum number of deputies a duty day should have at the desk. */
export const MIN_DEPUTIES_PER_DUTY_DAY = 3;
