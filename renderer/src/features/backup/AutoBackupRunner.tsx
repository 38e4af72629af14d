/** Mounted once inside the shell: runs the automatic backups (see useAutoBackup). */
import { useAutoBackup } from './useAutoBackup';

export function AutoBackupRunner() {
  useAutoBackup();
  return null;
}
