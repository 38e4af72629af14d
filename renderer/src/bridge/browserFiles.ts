/**
 * files:* in the browser flavour: the file downloads (the browser asks where, or uses its
 * download folder). The request is parsed with the same schema main uses, fetched at the
 * first save (bridgeSchemas.ts).
 */
import type { BridgeApi } from '../../../shared/bridge/contract';
import { fileSchemas } from './bridgeSchemas';

function decode(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

const MIME = { xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', png: 'image/png' } as const;

export function createBrowserFiles(): BridgeApi['files'] {
  return {
    save: async (request) => {
      const { saveFileSchema, withExtension } = await fileSchemas();
      const { kind, suggestedName, base64 } = saveFileSchema.parse(request);
      const fileName = withExtension(suggestedName, kind);
      const url = URL.createObjectURL(new Blob([decode(base64)], { type: MIME[kind] }));
      const a = document.createElement('a');
      a.href = url;
      a.download = fileName;
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      return { outcome: 'saved', fileName, message: `已下载 ${fileName}，请在浏览器的下载文件夹中查看。` };
    },
  };
}
