/** A failed save or load, in Chinese, with the technical reason folded away for support. */
import { isStorageFull, STORAGE_FULL_MESSAGE } from './storageFull';
import './ui.css';

export function ErrorNotice({ message, error }: { message: string; error?: unknown }) {
  const detail = error instanceof Error ? error.message : typeof error === 'string' ? error : '';
  // A full disk says so, whichever screen failed to save: the cause and what to do.
  return (
    <div className="ui-error-notice" role="alert">
      <p>{isStorageFull(error) ? STORAGE_FULL_MESSAGE : message}</p>
      {detail ? (
        <details>
          <summary>技术信息</summary>
          <code>{detail}</code>
        </details>
      ) : null}
    </div>
  );
}
