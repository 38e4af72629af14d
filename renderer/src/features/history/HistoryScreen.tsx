export function HistoryScreen() {
  return <h1>历史查询</h1>;
}
