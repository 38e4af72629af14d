/** Sensible defaults for the editable lists a new station starts with. */

export const DEFAULT_CATEGORIES: readonly string[] = [
  '融资贷款',
  '土地规划',
  '用电用水',
  '用工招聘',
  '审批办证',
  '市场销售',
  '园区配套',
  '交通物流',
  '安全生产',
  '环境卫生',
  '政策兑现',
  '法律纠纷',
  '子女入学',
  '其他',
];

export const DEFAULT_DEPARTMENTS: readonly string[] = [
  '县园区管委会',
  '县住建局',
  '县卫健委',
  '县农业农村局',
  '县城管局',
  '县交警大队',
  '县供电公司',
  '县人社局',
  '县教育局',
  '县自然资源局',
  '县生态环境分局',
  '县营商环境办',
  '县财政局',
  '县普惠金融服务中心',
  '镇人民政府',
];
