export function TodayScreen() {
  return <h1>今日接待</h1>;
}
