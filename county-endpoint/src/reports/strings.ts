/** Every Chinese word of the reports' tables, titles and file names, in one place. */
export const REPORT_STRINGS = {
  county: '县人大常委会选联工委',
  periodLine: (from: string, to: string) => `统计期间：${dayText(from)}至${dayText(to)}`,
  generatedLine: (at: string) => `制表时间：${dayText(at.slice(0, 10))}`,
  department: {
    title: '承办单位办理情况统计表',
    sheet: '承办单位',
    file: '承办单位办理情况统计表',
    columns: {
      department: '承办单位',
      assigned: '交办件数',
      lead: '其中主办',
      onTime: '按期答复',
      overdue: '逾期',
      overdueOpen: '其中逾期未答复',
      inProgress: '办理中',
      avgWorkingDays: '平均办理工作日',
      rated: '已评价',
      satisfactionRate: '满意率',
    },
  },
  station: {
    title: '联络站问题办理情况统计表',
    sheet: '联络站',
    file: '联络站问题办理情况统计表',
    columns: {
      station: '联络站',
      lists: '清单数',
      issues: '问题数',
      onSpot: '当场办结',
      referred: '提请交办',
      answered: '已答复',
      solved: '解决',
      partlySolved: '部分解决',
      policyUnable: '因政策原因暂不能解决',
      closed: '已销号',
      solvedTotal: '已解决合计',
    },
  },
  supervision: {
    title: '人大代表联络站问题督察结果',
    subtitle: '（提交主任会议）',
    file: '督察结果',
    totalsSheet: '总体情况',
    totalsTitle: '总体情况',
    keySheet: '重点督办问题',
    keyTitle: '重点督办问题推进情况',
    supervisedSheet: '持续督办问题',
    supervisedTitle: '持续督办问题清单',
    item: '项目',
    value: '数值',
    totals: {
      lists: '收到问题清单（份）',
      issues: '收集问题（件）',
      referred: '提请交办（件）',
      assigned: '本期交办（件）',
      onTime: '按期答复（件次）',
      overdue: '逾期（件次）',
      solved: '答复结果为解决（件）',
      partlySolved: '部分解决（件）',
      policyUnable: '因政策原因暂不能解决（件）',
      rated: '来访人已评价（件）',
      satisfactionRate: '满意率（满意及基本满意）',
      supervised: '持续督办（件）',
    },
    key: {
      title: '问题名称',
      leader: '牵头领导',
      goal: '督办目标',
      issueCount: '涉及问题',
      stationCount: '涉及联络站',
      solvedCount: '已解决',
      latestNote: '最新推进情况',
    },
    supervised: {
      countyRef: '县编号',
      station: '联络站',
      category: '类别',
      summary: '问题摘要',
      department: '主办单位',
      deadline: '办理期限',
      reason: '督办原因',
      followUps: '督办次数',
    },
    reasons: { overdue: '逾期未答复', unsatisfied: '来访人不满意' },
  },
} as const;

export interface SummaryFigures {
  lists: number;
  issues: number;
  referred: number;
  assigned: number;
  onTime: number;
  overdue: number;
  solved: number;
  partlySolved: number;
  policyUnable: number;
  rated: number;
  satisfactionRate: number | null;
  supervised: number;
}

/** The opening paragraph of the 督察结果, in the words of a written report. */
export function supervisionSummary(t: SummaryFigures, stations: number): string {
  const rate = t.satisfactionRate === null ? '暂无评价' : `满意率（满意及基本满意）${(t.satisfactionRate * 100).toFixed(1)}%`;
  return (
    `本期共收到 ${stations} 个联络站报送的问题清单 ${t.lists} 份，收集问题 ${t.issues} 件，其中提请交办 ${t.referred} 件。` +
    `本期交办 ${t.assigned} 件，承办单位按期答复 ${t.onTime} 件次，逾期 ${t.overdue} 件次。` +
    `答复结果为解决 ${t.solved} 件、部分解决 ${t.partlySolved} 件、因政策原因暂不能解决 ${t.policyUnable} 件。` +
    `来访人已评价 ${t.rated} 件，${rate}。目前仍需持续督办 ${t.supervised} 件。`
  );
}

/** 2026-03-01 → 2026年3月1日 */
export function dayText(key: string): string {
  const [y, m, d] = key.split('-').map(Number) as [number, number, number];
  return `${y}年${m}月${d}日`;
}
