/**
 * The print routes: #/print is the choice of forms (PrintPicker); #/print/:form/:ids is
 * the preview, which loads lazily with its bundled fonts, so screens that never print
 * never download them.
 */
import { lazy, Suspense } from 'react';
import { PrintPicker } from './PrintPicker';

const PrintPreview = lazy(() => import('./PrintPreview'));

export function PrintScreen({ form, ids }: { form: string; ids: string[] }) {
  if (form === '') return <PrintPicker />;
  return (
    <Suspense fallback={<p role="status">正在打开打印预览…</p>}>
      <PrintPreview form={form} ids={ids} />
    </Suspense>
  );
}
