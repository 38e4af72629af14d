/** Add one deputy or edit one, with each message beside its field. */
import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import type { Deputy } from '../../../../shared/domain/schemas';
import { getDb, stationRepo } from '../../db';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { preventImeEnterSubmit } from '../../ui/ime';
import { DeputyRowFields } from '../setup/DeputyRowFields';
import { deputyRowSchema, emptyDeputyRow, type DeputyRowInput } from '../setup/setupForm';
import type { z } from 'zod';

export function DeputyEditor({ deputy, onDone }: { deputy: Deputy | null; onDone: () => void }) {
  const [saveError, setSaveError] = useState<unknown>(null);
  const {
    register,
    handleSubmit,
    setFocus,
    formState: { errors, isSubmitting },
  } = useForm<DeputyRowInput, unknown, z.output<typeof deputyRowSchema>>({
    resolver: zodResolver(deputyRowSchema),
    defaultValues: deputy
      ? { name: deputy.name, level: deputy.level, unit: deputy.unit, role: deputy.role }
      : emptyDeputyRow(),
  });

  // The button that opened the editor disappears; keep keyboard users in the form.
  useEffect(() => setFocus('name'), [setFocus]);

  const onSubmit = handleSubmit(async (values) => {
    setSaveError(null);
    try {
      if (deputy) await stationRepo.updateDeputy(getDb(), deputy.id, values);
      else await stationRepo.addDeputy(getDb(), values);
      onDone();
    } catch (e) {
      console.error('Saving a deputy failed', e);
      setSaveError(e);
    }
  });

  return (
    <form
      className="deputy-editor"
      aria-label={deputy ? `修改代表 ${deputy.name}` : '添加代表'}
      onSubmit={(e) => void onSubmit(e)}
      onKeyDown={preventImeEnterSubmit}
      noValidate
    >
      <div className="deputy-editor-fields">
        <DeputyRowFields field={(key) => register(key)} errors={errors} />
      </div>
      {saveError ? <ErrorNotice message="保存失败，填写的内容仍在，请再试一次。" error={saveError} /> : null}
      <div className="settings-actions">
        <button type="submit" className="primary" disabled={isSubmitting}>
          {deputy ? '保存修改' : '添加'}
        </button>
        <button type="button" onClick={onDone}>
          取消
        </button>
      </div>
    </form>
  );
}
