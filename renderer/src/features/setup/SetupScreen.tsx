export function SetupScreen() {
  return <h1>首次使用设置</h1>;
}
