/** The station token, shown once in a modal dialog; closing it forgets the token. */
import { useEffect, useRef, useState } from 'react';
import { S } from '../strings';

export function TokenDialog({ stationName, token, onClose }: { stationName: string; token: string; onClose: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  const [copied, setCopied] = useState(false);
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
  }, []);
  return (
    <dialog ref={ref} className="dialog" aria-labelledby="token-title" onClose={onClose}>
      <h2 id="token-title">{S.stations.tokenTitle}</h2>
      <p>{S.stations.tokenIntro(stationName)}</p>
      <output className="token" aria-label={S.stations.tokenTitle}>
        {token}
      </output>
      <div className="actions">
        <button
          type="button"
          className="secondary"
          onClick={() => {
            void navigator.clipboard?.writeText(token).then(() => setCopied(true), () => setCopied(false));
          }}
        >
          {copied ? S.stations.tokenCopied : S.stations.tokenCopy}
        </button>
        <button type="button" onClick={() => ref.current?.close()}>
          {S.stations.tokenClose}
        </button>
      </div>
    </dialog>
  );
}
