/**
 * Validation of the form with the domain's receptionInputSchema (the same schema the
 * repository checks again inside its transaction), after converting the form values.
 * The form also requires the visitors' consent to the personal-data notice (docs/access.md).
 */
import { zodResolver } from '@hookform/resolvers/zod';
import type { FieldErrors, Resolver, ResolverResult } from 'react-hook-form';
import { receptionInputSchema, type ValidReceptionInput } from '../../../../shared/domain/schemas';
import { T as ACCESS } from '../access/strings';
import { toReceptionCandidate, type ReceptionFormValues } from './formModel';

const schemaResolver = zodResolver(receptionInputSchema);

export const receptionResolver: Resolver<ReceptionFormValues, unknown, ValidReceptionInput> = async (values, context, options) => {
  const result = (await schemaResolver(
    toReceptionCandidate(values),
    context,
    options as unknown as Parameters<typeof schemaResolver>[2],
  )) as unknown as ResolverResult<ReceptionFormValues, ValidReceptionInput>;
  if (values.consent && values.consentNoticeVersion) return result;
  const errors: FieldErrors<ReceptionFormValues> = { ...result.errors, consent: { type: 'required', message: ACCESS.consentRequired } };
  return { values: {}, errors };
};
