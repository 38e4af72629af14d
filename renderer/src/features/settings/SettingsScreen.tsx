import { CountySettings } from '../sync/CountySettings';

export function SettingsScreen() {
  return (
    <>
      <h1>设置</h1>
      <CountySettings />
    </>
  );
}
