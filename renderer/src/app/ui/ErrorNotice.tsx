/** A failed save or load, in Chinese, with the technical reason folded away for support. */
import './ui.css';

export function ErrorNotice({ message, error }: { message: string; error?: unknown }) {
  const detail = error instanceof Error ? error.message : typeof error === 'string' ? error : '';
  return (
    <div className="ui-error-notice" role="alert">
      <p>{message}</p>
      {detail ? (
        <details>
          <summary>技术信息</summary>
          <code>{detail}</code>
        </details>
      ) : null}
    </div>
  );
}
