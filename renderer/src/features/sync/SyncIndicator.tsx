/** Shows the sync state on every screen. Filled in by the sync feature. */
export function SyncIndicator() {
  return (
    <div className="sync-indicator" role="status" aria-live="polite">
      仅本机保存
    </div>
  );
}
