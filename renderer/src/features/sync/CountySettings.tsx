/** County endpoint address and station token. Filled in by the sync feature. */
export function CountySettings() {
  return <h2>县级平台连接</h2>;
}
