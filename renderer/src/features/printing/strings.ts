/** Every Chinese string the printing screens and forms show, in one place. */
import type { HandlingMode } from '../../../../shared/domain/enums';

export const T = {
  screenTitle: '打印预览',
  print: '打印',
  savePdf: '保存为 PDF',
  back: '返回',
  preparing: '正在排版，请稍候…',
  loading: '正在读取记录…',
  ready: (pages: number) => `共 ${pages} 页，与打印出的纸张一致。`,
  overflowing: (pages: number) => `共 ${pages} 页；有一页内容超出纸张，打印出的纸张可能多于预览，请保存为 PDF 核对。`,
  unknownForm: '没有这种表单。',
  toPicker: '选择要打印的表单',
  notFound: (n: number) => `有 ${n} 条记录没有找到（可能已被删除），未列入打印。`,
  nothing: '没有可打印的内容。',
  loadFailed: '读取记录时出错，请返回后重试。',
  fontsFailed: '打印用的字体没能加载（网络可能断开了），暂时不能打印。请在网络恢复后刷新本页再试。',
  printFailed: '打印没有完成：',
  saved: 'PDF 已保存。',
  cancelled: '已取消。',
  pageOf: (page: number, total: number) => `第 ${page} 页 共 ${total} 页`,
  continued: (reference: string) => `${reference}（续）`,
  forms: {
    reception: '来访接待登记表',
    issueList: '问题清单',
    assignment: '问题交办反馈单',
    notice: '公示清单',
  },
  picker: {
    title: '打印',
    subtitle: '选择要打印的表单：先看预览，核对无误后再打印或保存为 PDF。',
    about: {
      reception: '每次来访一张，含来访人、反映问题、现场答复和签字栏。单次来访也可在来访登记页打印。',
      issueList: '封存后的问题清单报县人大常委会选联工委，站长签字并盖章；未封存的可先打印草稿核对。',
      assignment: '该接待日提请交办的问题，每个问题一张，交办、承办、答复、代表意见和来访人评价都在上面。',
      notice: '已办理问题的办理结果，张贴在联络站公示栏；来访人姓名和电话号码已隐去。',
    },
    preview: (form: string) => `预览${form}`,
    dutyDay: '接待日',
    dayOption: (date: string) => `${date}接待日`,
    noDays: '还没有接待日记录',
    list: '清单',
    sealedLists: '已封存的问题清单',
    draftLists: '未封存（草稿）',
    listOption: (number: string, issues: number) => `${number}（${issues} 个问题）`,
    draftOption: (date: string) => `${date}接待日的问题（草稿）`,
    noLists: '还没有问题清单',
    from: '所收问题从',
    to: '至',
    badRange: '请选择开始和结束日期，开始日期不能晚于结束日期。',
    codeLookup: '按公示清单上的查询码查找问题',
    codePlaceholder: '6 位查询码',
    find: '查找',
    noCode: '没有找到这个查询码对应的问题。',
    viewIssue: '查看问题',
  },
} as const;

/** Handling modes as printed in narrow columns: '|' marks where a label may wrap (see forms/common.tsx Words). */
export const HANDLING_WORDS: Record<HandlingMode, string> = {
  onSpot: '当场答复|办结',
  stationFollowUp: '联络站|协调',
  referToCounty: '提请|交办',
};

export type PrintFormKind = keyof typeof T.forms;
export const FORM_KINDS = Object.keys(T.forms) as PrintFormKind[];
