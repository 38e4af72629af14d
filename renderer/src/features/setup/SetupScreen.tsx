/**
 * First run: the station's details and its deputies roster. Nothing is prefilled and
 * no demo data exists in the product; saving calls setupStation once, and the app
 * then shows Today (App.tsx switches as soon as the station exists).
 */
import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useState } from 'react';
import { useFieldArray, useForm } from 'react-hook-form';
import { useLocation } from 'wouter';
import { getDb, stationRepo } from '../../db';
import { Field } from '../../ui/Field';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { preventImeEnterSubmit } from '../../ui/ime';
import { DeputyRowFields } from './DeputyRowFields';
import { emptyDeputyRow, setupFormSchema, type SetupFormInput, type SetupFormOutput } from './setupForm';
import './setup.css';

export function SetupScreen() {
  const [, navigate] = useLocation();
  const [saveError, setSaveError] = useState<unknown>(null);
  const {
    register,
    control,
    handleSubmit,
    setFocus,
    formState: { errors, isSubmitting },
  } = useForm<SetupFormInput, unknown, SetupFormOutput>({
    resolver: zodResolver(setupFormSchema),
    defaultValues: { station: { name: '', county: '', town: '', head: '' }, deputies: [emptyDeputyRow()] },
  });
  const { fields, append, remove } = useFieldArray({ control, name: 'deputies' });
  // The first field has the cursor on arrival, so typing can start at once.
  useEffect(() => setFocus('station.name'), [setFocus]);

  const onSubmit = handleSubmit(async (values) => {
    setSaveError(null);
    try {
      await stationRepo.setupStation(getDb(), values.station, values.deputies);
      navigate('/', { replace: true });
    } catch (e) {
      console.error('Station setup failed', e);
      setSaveError(e);
    }
  });

  const rosterError = errors.deputies?.root?.message ?? errors.deputies?.message;

  return (
    <main className="setup">
      <h1>首次使用设置</h1>
      <p className="setup-lead">请填写本联络站的基本信息和驻站代表名单。带 * 的必须填写，以后可以在“设置”里修改。</p>
      <form onSubmit={(e) => void onSubmit(e)} onKeyDown={preventImeEnterSubmit} noValidate>
        <section className="panel setup-section" aria-labelledby="setup-station">
          <h2 id="setup-station">联络站信息</h2>
          <div className="setup-station-grid">
            <Field label="联络站名称" error={errors.station?.name?.message} required className="span-2">
              {(p) => <input {...p} {...register('station.name')} placeholder="如 ××产业园人大代表联络站" autoComplete="off" />}
            </Field>
            <Field label="所属县（区）" error={errors.station?.county?.message} required>
              {(p) => <input {...p} {...register('station.county')} autoComplete="off" />}
            </Field>
            <Field label="所属镇（街道）" error={errors.station?.town?.message} required>
              {(p) => <input {...p} {...register('station.town')} autoComplete="off" />}
            </Field>
            <Field label="站长姓名" error={errors.station?.head?.message}>
              {(p) => <input {...p} {...register('station.head')} autoComplete="off" />}
            </Field>
          </div>
        </section>

        <section className="panel setup-section" aria-labelledby="setup-roster">
          <h2 id="setup-roster">驻站代表名单</h2>
          <p className="muted">每个接待日至少安排 3 位代表。名单以后可以在“设置”里增减。</p>
          <ol className="roster-rows">
            {fields.map((row, index) => (
              <li key={row.id} className="roster-row">
                <DeputyRowFields
                  ordinal={index + 1}
                  field={(key) => register(`deputies.${index}.${key}`)}
                  errors={errors.deputies?.[index]}
                />
                <button
                  type="button"
                  className="roster-remove"
                  onClick={() => remove(index)}
                  disabled={fields.length === 1}
                  aria-label={`删除第 ${index + 1} 位代表`}
                >
                  删除
                </button>
              </li>
            ))}
          </ol>
          {rosterError ? (
            <p className="ui-error" role="alert">
              {rosterError}
            </p>
          ) : null}
          <button
            type="button"
            onClick={() => {
              append(emptyDeputyRow(), { shouldFocus: false });
              setTimeout(() => setFocus(`deputies.${fields.length}.name`), 0);
            }}
          >
            ＋ 再添加一位代表
          </button>
        </section>

        {saveError ? <ErrorNotice message="保存失败，已填写的内容仍在本页，请再点一次“保存”。" error={saveError} /> : null}
        <div className="setup-actions">
          <button type="submit" className="primary big" disabled={isSubmitting}>
            {isSubmitting ? '正在保存…' : '保存，开始使用'}
          </button>
        </div>
      </form>
    </main>
  );
}
