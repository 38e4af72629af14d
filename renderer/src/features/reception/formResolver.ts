/**
 * Validation of the form with the domain's receptionInputSchema (the same schema the
 * repository checks again inside its transaction), after converting the form values.
 */
import { zodResolver } from '@hookform/resolvers/zod';
import type { Resolver } from 'react-hook-form';
import { receptionInputSchema, type ValidReceptionInput } from '../../../../shared/domain/schemas';
import { toReceptionCandidate, type ReceptionFormValues } from './formModel';

const schemaResolver = zodResolver(receptionInputSchema);

export const receptionResolver: Resolver<ReceptionFormValues, unknown, ValidReceptionInput> = (values, context, options) =>
  schemaResolver(toReceptionCandidate(values), context, options as unknown as Parameters<typeof schemaResolver>[2]);
