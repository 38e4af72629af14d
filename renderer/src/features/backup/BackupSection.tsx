/** 备份与恢复 in 设置: password, backup now, automatic backups, restore, storage space. */
import { useState } from 'react';
import { useCurrentStation } from '../../state/currentStation';
import { AutoBackups } from './AutoBackups';
import { BackupNow } from './BackupNow';
import { BackupPassword } from './BackupPassword';
import { loadBackupKey } from './backupKeyStore';
import { RestorePanel } from './RestorePanel';
import { openFromMain, type PickedBackup } from './restoreBackup';
import { StorageHealthView } from './StorageHealthView';
import { BACKUP_STRINGS as S } from './strings';
import './backup.css';

export function BackupSection() {
  const station = useCurrentStation();
  const [hasPassword, setHasPassword] = useState(() => loadBackupKey() !== null);
  const [refresh, setRefresh] = useState(0);
  const [handed, setHanded] = useState<PickedBackup | null>(null);

  return (
    <section className="panel settings-section backup-section" aria-labelledby="backup-title">
      <h2 id="backup-title">{S.title}</h2>
      <p>{S.lead}</p>
      <BackupPassword hasPassword={hasPassword} onSaved={() => setHasPassword(true)} />
      <BackupNow disabled={!hasPassword} onDone={() => setRefresh((n) => n + 1)} />
      <AutoBackups refresh={refresh} onRestore={(fileName) => void openFromMain({ source: 'stored', fileName }).then(setHanded)} />
      <RestorePanel key={handed?.fileName ?? ''} handed={handed} {...(station ? { currentStationId: station.stationId } : {})} />
      <StorageHealthView />
    </section>
  );
}
