/** Chinese text the sync engine leaves for the station (kept in one place). */
export const SYNC_MESSAGES = {
  offline: '连不上县里的系统，记录都已保存在本机，联网后自动报送。',
  timeout: '县里的系统响应超时，稍后自动重试。',
  certificate: '县里系统的安全证书校验失败，请联系技术支持核对证书。',
  notConfiguredAddress: '尚未填写县里系统地址，请在“设置”中填写。',
  notConfiguredToken: '尚未填写联络站令牌，请在“设置”中填写县里发放的令牌。',
  malformed: '县里系统的回复无法识别，稍后自动重试。',
  otherStation: '这个令牌属于另一个联络站，请在“设置”中核对联络站编号和令牌。',
  listTooLarge: '这份清单超过县里允许的大小，县里拒收。请联系县人大选联工委。',
  /** What the county said when it failed on one list alone (a 500 carries no list-specific text). */
  countyFailedOnList: '县里的系统处理这份清单时出错（500），清单没有保存。',
  itemRetrying: (countyMessage: string) => `${countyMessage}这份清单稍后自动重试，其他清单照常报送。`,
  itemKeepsFailing: (countyMessage: string, failures: number) =>
    `需要处理：县里的系统连续 ${failures} 次没能保存这份清单，已暂停报送这份清单，其他清单照常报送。县里的说明：${countyMessage}请把清单编号告知县人大选联工委或技术支持，县里查明原因后点“重新报送”。`,
  /** While a restored database waits to reconcile with the county (see reconcile.ts). */
  reconcileWaiting: '本机由备份恢复，需先与县里核对已报送的清单，核对完成前不报送、不生成新清单。',
  reconcileUnsupported: '本机由备份恢复，需先与县里核对已报送的清单，但县里的系统尚不支持核对，请联系技术支持升级县里的系统。核对完成前不报送。',
  unexpected: (status: number) => `县里的系统返回了意外的结果（${status}），请联系技术支持。`,
} as const;
