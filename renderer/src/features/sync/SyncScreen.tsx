export function SyncScreen() {
  return <h1>清单报送</h1>;
}
