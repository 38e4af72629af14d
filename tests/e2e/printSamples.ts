/** Realistic issue texts for the printing specs (fictional, modelled on station records). */
import type { SeedIssue } from './printSeed';

export const SAMPLE_ISSUES: readonly Omit<SeedIssue, 'handling'>[] = [
  {
    category: '政策兑现',
    summary: '防疫期间代建移动板房费用9.9万元至今未拨付',
    request: '请县卫健委尽快按约定拨付板房建设款',
    onSpotAnswer: '代表已记录，将联系县卫健委核实',
    suggestedDepartment: '县卫健委',
  },
  {
    category: '安全生产',
    summary: '厂区西门地面塌陷，一条地缆线裸露在外',
    request: '尽快修复路面并对线缆做防护',
    onSpotAnswer: '',
    suggestedDepartment: '县园区管委会',
  },
  {
    category: '环境卫生',
    summary: '工业垃圾与生活垃圾界定不清，清运收费标准未建立，存在随意收费',
    request: '明确工业垃圾收费标准，建立工业垃圾消纳处理平台',
    onSpotAnswer: '',
    suggestedDepartment: '县城管局',
  },
  {
    category: '审批办证',
    summary: '五栋厂房产权证办理效率低，无法及时办理抵押贷款',
    request: '采取容缺办理方式加快办证',
    onSpotAnswer: '',
    suggestedDepartment: '县住建局',
  },
  {
    category: '政策兑现',
    summary: '富硒农业产业惠企奖补政策兑现不及时',
    request: '按试行办法给予展示展销及产品认证奖补',
    onSpotAnswer: '代表将约见县农业农村局经办人员',
    suggestedDepartment: '县农业农村局',
  },
  {
    category: '土地规划',
    summary: '日产陶瓷砖18万片，厂区内成品无处堆放',
    request: '在厂区旁协调约10亩堆场用地',
    onSpotAnswer: '',
    suggestedDepartment: '县自然资源局',
  },
];

export const ENTERPRISES = ['合顺实业有限公司', '椿森电子有限公司', '江海一禾粮油有限公司', '银湾陶瓷有限公司', '三河富硒农业合作社'];

/** `count` issues cycling through the samples, each summary tagged with its number so none can go missing unseen. */
export function manyIssues(count: number, offset = 0): SeedIssue[] {
  return Array.from({ length: count }, (_, i) => {
    const s = SAMPLE_ISSUES[(offset + i) % SAMPLE_ISSUES.length]!;
    const n = String(offset + i + 1).padStart(3, '0');
    return { ...s, summary: `${s.summary}（第${n}件）`, handling: 'referToCounty' };
  });
}
