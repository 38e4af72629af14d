/**
 * Where the shell shows PendingRestore: the check is one localStorage read, and the panel's
 * code (with the restore's) is fetched only when a restore is waiting for its confirmation.
 */
import { lazy, Suspense, useState } from 'react';
import { databaseSwitch } from '../../db/startup';

const PendingRestore = lazy(() => import('./PendingRestore').then((m) => ({ default: m.PendingRestore })));

export function PendingRestoreSlot() {
  // Read once: after a confirmation the panel stays to say so.
  const [waiting] = useState(() => databaseSwitch.replacedDatabaseName() !== null);
  if (!waiting) return null;
  return (
    <Suspense fallback={null}>
      <PendingRestore />
    </Suspense>
  );
}
