/** The first-run form: the station's settings plus its roster, built from the shared schemas. */
import { z } from 'zod';
import { deputyInputSchema, stationSettingsInputSchema } from '../../../../shared/domain/schemas';

/**
 * A roster row as a form holds it: the level <select> starts empty (nothing is
 * prefilled), so its input is any string, then the shared enum (with its Chinese
 * message "请选择代表层级") decides.
 */
export const deputyRowSchema = deputyInputSchema.extend({
  level: z.string().pipe(deputyInputSchema.shape.level),
});
export type DeputyRowInput = z.input<typeof deputyRowSchema>;

export const setupFormSchema = z.object({
  station: stationSettingsInputSchema,
  deputies: z.array(deputyRowSchema).min(1, { error: '请至少填写一位驻站代表' }).max(60, { error: '代表最多 60 位' }),
});
export type SetupFormInput = z.input<typeof setupFormSchema>;
export type SetupFormOutput = z.output<typeof setupFormSchema>;

export function emptyDeputyRow(): DeputyRowInput {
  return { name: '', level: '', unit: '', role: '' };
}
