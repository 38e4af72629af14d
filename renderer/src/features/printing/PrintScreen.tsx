/**
 * The print route (#/print/:form/:ids). The preview and its bundled fonts load lazily,
 * so screens that never print never download the fonts.
 */
import { lazy, Suspense } from 'react';

const PrintPreview = lazy(() => import('./PrintPreview'));

export function PrintScreen({ form, ids }: { form: string; ids: string[] }) {
  return (
    <Suspense fallback={<p role="status">正在打开打印预览…</p>}>
      <PrintPreview form={form} ids={ids} />
    </Suspense>
  );
}
