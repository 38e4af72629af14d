/**
 * Schemas of the files:* channel: a file the renderer made (an Excel 台账, a chart as PNG)
 * saved where the user picks in a dialog shown by main. The bytes cross as base64 (the
 * bridge's arguments must survive any serialisation); main checks the kind, the name and
 * the size before it shows the dialog, and writes nothing the user did not choose.
 */
import { z } from 'zod';

/** Largest file saved in one call: a year's 问题台账 of a very busy station is about 15 MB. */
export const SAVE_FILE_MAX_BYTES = 64 * 1024 * 1024;

export const SAVE_FILE_KINDS = {
  xlsx: { extension: 'xlsx', filterName: 'Excel 工作簿', title: '保存台账' },
  png: { extension: 'png', filterName: 'PNG 图片', title: '保存图表' },
} as const;
export type SaveFileKind = keyof typeof SAVE_FILE_KINDS;

export const saveFileNameSchema = z
  .string()
  .min(1)
  .max(120)
  .regex(/^[^\\/:*?"<>|]+$/, 'file name only')
  .refine((name) => ![...name].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f), 'no control characters')
  .refine((name) => !/^\.+$/.test(name.trim()), 'not a folder name');

export const saveFileSchema = z.strictObject({
  kind: z.enum(['xlsx', 'png']),
  /** Offered in the dialog; the kind's extension is added when missing. */
  suggestedName: saveFileNameSchema,
  base64: z
    .string()
    .min(4)
    .max(Math.ceil(SAVE_FILE_MAX_BYTES / 3) * 4)
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'base64'),
});
export type SaveFileRequest = z.infer<typeof saveFileSchema>;

export const saveFileResultSchema = z.object({
  outcome: z.enum(['saved', 'cancelled', 'failed']),
  /** The name it was saved under, '' unless saved. */
  fileName: z.string(),
  /** Chinese, shown as is ('' when nothing to say). */
  message: z.string(),
});
export type SaveFileResult = z.infer<typeof saveFileResultSchema>;

/** The file name with the kind's extension (added when the user or the app left it out). */
export function withExtension(name: string, kind: SaveFileKind): string {
  const ext = `.${SAVE_FILE_KINDS[kind].extension}`;
  return name.toLowerCase().endsWith(ext) ? name : `${name}${ext}`;
}
