/**
 * County connection settings: endpoint address, station token (write-only: the saved
 * token is never shown back, only its last four characters), a connection test, and
 * the station id the county clerk needs to enroll the station.
 */
import { useEffect, useId, useState, type FormEvent } from 'react';
import type { TokenStatus } from '../../../../shared/bridge/contract';
import { countyConfigSchema, setTokenSchema } from '../../../../shared/bridge/contract';
import { useCurrentStation } from '../../state/currentStation';
import { bridge } from '../../bridge';
import { getDb, syncStateRepo } from '../../db';
import { testConnection, type TestResult } from './connectionTest';
import { S } from './strings';
import { requestSync } from './useSyncStatus';
import './sync.css';

export function CountySettings() {
  const station = useCurrentStation();
  const ids = { address: useId(), token: useId() };
  const [address, setAddress] = useState('');
  const [token, setToken] = useState('');
  const [tokenStatus, setTokenStatus] = useState<TokenStatus | null>(null);
  const [result, setResult] = useState<TestResult | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    void Promise.all([bridge.county.getConfig(), bridge.county.tokenStatus()]).then(([config, status]) => {
      if (!live) return;
      setAddress(config.endpointUrl);
      setTokenStatus(status);
    });
    return () => {
      live = false;
    };
  }, []);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setResult(null);
    const config = countyConfigSchema.safeParse({ endpointUrl: address });
    if (!config.success) return setResult({ ok: false, message: S.settings.saveFailed + (config.error.issues[0]?.message ?? '') });
    const newToken = token.trim() === '' ? null : setTokenSchema.safeParse({ token });
    if (newToken && !newToken.success) return setResult({ ok: false, message: S.settings.saveFailed + (newToken.error.issues[0]?.message ?? '') });
    setBusy(true);
    try {
      const current = await bridge.county.getConfig();
      await bridge.county.setConfig({ ...current, endpointUrl: config.data.endpointUrl });
      // Saving another address clears the stored token (it must not follow the address).
      const afterAddress = await bridge.county.tokenStatus();
      const tokenDropped = Boolean(tokenStatus?.configured) && !afterAddress.configured && !newToken?.success;
      setTokenStatus(newToken?.success ? await bridge.county.setToken(newToken.data) : afterAddress);
      setToken('');
      // A new address or token deserves a fresh try, even after a refusal.
      await syncStateRepo.patchSyncState(getDb(), { status: 'idle', message: '', rejectedToken: '', nextAttemptAt: 0, consecutiveFailures: 0 });
      requestSync();
      setResult({ ok: true, message: tokenDropped ? S.settings.savedTokenCleared : S.settings.saved });
    } catch (error) {
      setResult({ ok: false, message: S.settings.saveFailed + (error instanceof Error ? error.message : String(error)) });
    } finally {
      setBusy(false);
    }
  };

  const clearToken = async () => {
    setTokenStatus(await bridge.county.clearToken());
    setResult(null);
  };

  const test = async () => {
    if (!station) return;
    setBusy(true);
    setResult(null);
    try {
      const config = await bridge.county.getConfig();
      if (!config.endpointUrl || !tokenStatus?.configured) setResult({ ok: false, message: S.settings.testNeedsSave });
      else setResult(await testConnection(bridge, station.stationId));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <h2>{S.settings.title}</h2>
      <p className="muted">{S.settings.intro}</p>
      <form className="county-form" onSubmit={(e) => void save(e)} aria-label={S.settings.title}>
        <span>{S.settings.stationId}</span>
        <span className="county-station-id" data-testid="station-id">
          {station?.stationId ?? ''}
        </span>
        <span className="hint">{S.settings.stationIdHint}</span>
        <label htmlFor={ids.address}>{S.settings.address}</label>
        <input id={ids.address} value={address} onChange={(e) => setAddress(e.target.value)} placeholder={S.settings.addressPlaceholder} autoComplete="off" spellCheck={false} />
        <label htmlFor={ids.token}>{S.settings.token}</label>
        <input
          id={ids.token}
          type="password"
          value={token}
          onChange={(e) => setToken(e.target.value)}
          placeholder={tokenStatus?.configured ? S.settings.tokenSet(tokenStatus.masked) : S.settings.tokenUnset}
          autoComplete="off"
        />
        {tokenStatus?.configured && !tokenStatus.encrypted ? <span className="hint">{S.settings.tokenUnsafe}</span> : null}
        <span />
        <div className="sync-actions">
          <button type="submit" className="primary" disabled={busy}>
            {S.settings.save}
          </button>
          <button type="button" onClick={() => void test()} disabled={busy}>
            {busy ? S.settings.testing : S.settings.test}
          </button>
          {tokenStatus?.configured ? (
            <button type="button" className="danger" onClick={() => void clearToken()} disabled={busy}>
              {S.settings.clearToken}
            </button>
          ) : null}
        </div>
      </form>
      {result ? (
        <p className={`county-result ${result.ok ? 'ok' : 'bad'}`} role={result.ok ? 'status' : 'alert'}>
          {result.message}
        </p>
      ) : null}
    </>
  );
}
