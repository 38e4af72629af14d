/** Checks a category / department name before saving: the shared rule plus "no duplicates". */
import { listEntrySchema, type ListEntry } from '../../../../shared/domain/schemas';

export function entryNameError(name: string, entries: readonly ListEntry[], exceptId?: string): string | null {
  const parsed = listEntrySchema.shape.name.safeParse(name);
  if (!parsed.success) return parsed.error.issues[0]?.message ?? '名称不符合要求';
  if (entries.some((e) => e.id !== exceptId && e.name === parsed.data)) return `已有“${parsed.data}”，不能重复`;
  return null;
}
