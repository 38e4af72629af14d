export function CloseDutyDayScreen() {
  return <h1>结束接待日</h1>;
}
