/** What the duty-day screens say about one day per date and reopening a closed day. */
export const T = {
  todayClosed: (date: string) => `今天（${date}）的接待日已经结束。一天只有一个接待日。`,
  todayClosedHint: '如果还有来访需要补登在今天的接待日里，可以重新打开它；接待日以外收到的来电、微信或走访，可以直接登记。',
  dateTaken: (date: string, open: boolean) =>
    open ? `${date}的接待日已经开始，还没有结束。` : `${date}已经有一个接待日（已结束）。一天只有一个接待日，不能再开始一个。`,
  dateTakenHint: '如需在那天补登来访，请重新打开那天的接待日。',
  openRefused: '这一天已经有接待日了，不能再开始一个。',
  reopen: '重新打开这个接待日',
  reopenTitle: (date: string) => `重新打开${date}的接待日？`,
  reopenBody:
    '已经封存的问题清单不会改变。重新打开后登记的来访，会在再次结束接待日时封存进一份新的问题清单。这次操作会记入操作记录。',
  reopenReason: '重新打开的原因',
  reopenReasonHint: '如：漏登了一位下午来访的企业负责人',
  reopenReasonMissing: '请填写重新打开的原因',
  reopenConfirm: '确认重新打开',
  reopenFailed: '重新打开接待日失败，请再试一次。',
  recordAnyway: '直接登记来访',
  closeWaitsForReconcile:
    '本机由备份恢复，要先与县里核对已报送的清单，才能给新清单编号，以免与县里已收到的清单重号。接待日没有结束，记录都还在。请联网并在“清单报送”页点“立即同步”，核对完成后再结束接待日。',
} as const;
