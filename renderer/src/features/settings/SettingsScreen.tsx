export function SettingsScreen() {
  return <h1>设置</h1>;
}
