export function OpenDutyDayScreen() {
  return <h1>开始接待日</h1>;
}
