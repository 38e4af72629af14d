/** Edit the station's name, county, town and head. */
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import {
  stationSettingsInputSchema,
  type StationSettings,
  type StationSettingsInput,
} from '../../../../shared/domain/schemas';
import { getDb, stationRepo } from '../../db';
import { useCurrentStation } from '../../state/currentStation';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { Field } from '../../ui/Field';
import { preventImeEnterSubmit } from '../../ui/ime';

export function StationInfoForm() {
  const station = useCurrentStation();
  // Lives above the keyed form: saving remounts the form, and the confirmation must survive that.
  const [saved, setSaved] = useState(false);
  return (
    <section className="panel settings-section" aria-labelledby="settings-station">
      <h2 id="settings-station">联络站信息</h2>
      {/* Keyed on the stored version so the form starts from what is saved. */}
      {station ? <StationInfoFields key={station.updatedAt} station={station} saved={saved} setSaved={setSaved} /> : <p role="status">正在读取…</p>}
    </section>
  );
}

interface FieldsProps {
  station: StationSettings;
  saved: boolean;
  setSaved: (saved: boolean) => void;
}

function StationInfoFields({ station, saved, setSaved }: FieldsProps) {
  const [saveError, setSaveError] = useState<unknown>(null);
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitting, isDirty },
  } = useForm<StationSettingsInput>({
    resolver: zodResolver(stationSettingsInputSchema),
    defaultValues: { name: station.name, county: station.county, town: station.town, head: station.head },
  });

  const onSubmit = handleSubmit(async (values) => {
    setSaveError(null);
    try {
      await stationRepo.updateStation(getDb(), values);
      setSaved(true);
    } catch (e) {
      console.error('Updating the station failed', e);
      setSaveError(e);
    }
  });

  return (
    <form
      onSubmit={(e) => void onSubmit(e)}
      onKeyDown={preventImeEnterSubmit}
      onChange={() => setSaved(false)}
      noValidate
    >
      <div className="settings-station-grid">
        <Field label="联络站名称" error={errors.name?.message} required className="span-2">
          {(p) => <input {...p} {...register('name')} autoComplete="off" />}
        </Field>
        <Field label="所属县（区）" error={errors.county?.message} required>
          {(p) => <input {...p} {...register('county')} autoComplete="off" />}
        </Field>
        <Field label="所属镇（街道）" error={errors.town?.message} required>
          {(p) => <input {...p} {...register('town')} autoComplete="off" />}
        </Field>
        <Field label="站长姓名" error={errors.head?.message}>
          {(p) => <input {...p} {...register('head')} autoComplete="off" />}
        </Field>
      </div>
      {saveError ? <ErrorNotice message="保存失败，填写的内容仍在，请再试一次。" error={saveError} /> : null}
      <div className="settings-actions">
        <button type="submit" className="primary" disabled={isSubmitting || !isDirty}>
          保存联络站信息
        </button>
        {saved ? (
          <span className="settings-saved" role="status">
            ✓ 已保存
          </span>
        ) : null}
      </div>
    </form>
  );
}
