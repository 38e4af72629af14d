/** Chinese text the sync engine leaves for the station (kept in one place). */
export const SYNC_MESSAGES = {
  offline: '连不上县里的系统,记录都已保存在本机,联网后自动报送。',
  timeout: '县里的系统响应超时,稍后自动重试。',
  certificate: '县里系统的安全证书校验失败,请联系技术支持核对证书。',
  notConfiguredAddress: '尚未填写县里系统地址,请在"设置"中填写。',
  notConfiguredToken: '尚未填写联络站令牌,请在"设置"中填写县里发放的令牌。',
  malformed: '县里系统的回复无法识别,稍后自动重试。',
  otherStation: '这个令牌属于另一个联络站,请在"设置"中核对联络站编号和令牌。',
  listTooLarge: '这份清单超过县里允许的大小,县里拒收。请联系县人大选联工委。',
  unexpected: (status: number) => `县里的系统返回了意外的结果(${status}),请联系技术支持。`,
} as const;
