/**
 * The one bridge contract between the renderer and the main process.
 *
 * Each namespace/method pair is an IPC channel '<namespace>:<method>'. Main registers
 * handlers typed from this map and parses every request with its schema before use;
 * the preload exposes exactly these methods; the renderer's client is typed from it.
 * The browser flavour implements the same interface with browser APIs.
 */
import { z } from 'zod';
import {
  backupAppendSchema,
  backupBeginResultSchema,
  backupBeginSchema,
  backupFinishResultSchema,
  backupListResultSchema,
  backupOpenResultSchema,
  backupOpenSchema,
  backupReadResultSchema,
  backupReadSchema,
  backupSessionSchema,
  diskSpaceSchema,
  ok,
} from './backup';
import { COUNTY_ADDRESS_MESSAGES, countyAddressProblem } from './countyAddress';
import { saveFileResultSchema, saveFileSchema } from './files';

export const appInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  flavour: z.enum(['desktop', 'browser']),
  platform: z.string(),
});
export type AppInfo = z.infer<typeof appInfoSchema>;

/** A request to the county endpoint. Main adds the base address and the station's token. */
export const countyRequestSchema = z.object({
  method: z.enum(['GET', 'POST']),
  /** Path under the endpoint's base address, protocol routes only. */
  path: z
    .string()
    .max(512)
    .regex(/^\/v\d+\/[A-Za-z0-9/_\-?=&.%]*$/, 'path must be a protocol route such as /v1/push'),
  body: z.string().max(16 * 1024 * 1024).optional(),
  timeoutMs: z.number().int().min(100).max(120_000).default(15_000),
});
export type CountyRequest = z.input<typeof countyRequestSchema>;

export const countyResponseSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('response'),
    status: z.number().int(),
    /** Seconds or HTTP date, as the server sent it. */
    retryAfter: z.string().nullable(),
    body: z.string(),
  }),
  z.object({
    kind: z.literal('networkError'),
    reason: z.enum(['timeout', 'unreachable', 'notConfigured', 'tokenMissing', 'certificate']),
    message: z.string(),
  }),
]);
export type CountyResponse = z.infer<typeof countyResponseSchema>;

export const countyConfigSchema = z.object({
  endpointUrl: z
    .string()
    .trim()
    .max(300)
    .superRefine((v, ctx) => {
      const problem = countyAddressProblem(v);
      if (problem) ctx.addIssue({ code: 'custom', message: COUNTY_ADDRESS_MESSAGES[problem] });
    }),
  /** PEM of an extra CA certificate the county uses, or '' for the OS store only. */
  caCertificatePem: z.string().max(20_000).default(''),
});
export type CountyConfig = z.infer<typeof countyConfigSchema>;

export const tokenStatusSchema = z.object({
  configured: z.boolean(),
  /** Last four characters only, e.g. '••••3f9a'; never the token. */
  masked: z.string(),
  /** False when the OS offers no encryption and the token could not be stored safely. */
  encrypted: z.boolean(),
});
export type TokenStatus = z.infer<typeof tokenStatusSchema>;

export const setTokenSchema = z.object({ token: z.string().trim().min(16, { error: '令牌长度不对' }).max(512) });

export const printOptionsSchema = z.object({
  landscape: z.boolean().default(false),
  /** File name offered in the save dialog, without folders. */
  suggestedName: z
    .string()
    .max(120)
    .regex(/^[^\\/:*?"<>|]+$/, 'file name only')
    .default('表单.pdf'),
});
export type PrintOptions = z.input<typeof printOptionsSchema>;

export const printResultSchema = z.object({
  outcome: z.enum(['printed', 'saved', 'cancelled', 'failed']),
  message: z.string().default(''),
});
export type PrintResult = z.infer<typeof printResultSchema>;

const none = z.undefined();

export const bridgeContract = {
  app: {
    info: { request: none, response: appInfoSchema },
  },
  county: {
    send: { request: countyRequestSchema, response: countyResponseSchema },
    getConfig: { request: none, response: countyConfigSchema },
    setConfig: { request: countyConfigSchema, response: countyConfigSchema },
    tokenStatus: { request: none, response: tokenStatusSchema },
    setToken: { request: setTokenSchema, response: tokenStatusSchema },
    clearToken: { request: none, response: tokenStatusSchema },
  },
  print: {
    /** Print the sender's current page through the system dialog. */
    print: { request: printOptionsSchema, response: printResultSchema },
    /** Save the sender's current page as PDF to a file the user picks. */
    savePdf: { request: printOptionsSchema, response: printResultSchema },
  },
  backup: {
    /** Start writing a backup file: into the data folder's generations, or where the user picks. */
    begin: { request: backupBeginSchema, response: backupBeginResultSchema },
    append: { request: backupAppendSchema, response: ok },
    /** fsync, rename into place, prune old automatic backups. */
    finish: { request: backupSessionSchema, response: backupFinishResultSchema },
    abort: { request: backupSessionSchema, response: ok },
    /** Open a backup to restore: one the user picks, or one of the automatic ones. */
    open: { request: backupOpenSchema, response: backupOpenResultSchema },
    read: { request: backupReadSchema, response: backupReadResultSchema },
    close: { request: backupSessionSchema, response: ok },
    /** The automatic backups in the data folder, newest first. */
    list: { request: none, response: backupListResultSchema },
    /** Free and total bytes of the disk holding the data folder. */
    diskSpace: { request: none, response: diskSpaceSchema },
  },
  files: {
    /** Save a file the renderer made (台账 .xlsx, chart .png) where the user picks. */
    save: { request: saveFileSchema, response: saveFileResultSchema },
  },
} as const;

export type BridgeContract = typeof bridgeContract;
export type Namespace = keyof BridgeContract;
export type MethodOf<N extends Namespace> = keyof BridgeContract[N] & string;

type Entry = { request: z.ZodType; response: z.ZodType };
type Req<E> = E extends Entry ? z.input<E['request']> : never;
type Res<E> = E extends Entry ? z.output<E['response']> : never;
type ParsedReq<E> = E extends Entry ? z.output<E['request']> : never;

/** What the renderer calls: window.stationDesk.county.send(req). */
export type BridgeApi = {
  [N in Namespace]: {
    [M in MethodOf<N>]: undefined extends Req<BridgeContract[N][M]>
      ? (request?: Req<BridgeContract[N][M]>) => Promise<Res<BridgeContract[N][M]>>
      : (request: Req<BridgeContract[N][M]>) => Promise<Res<BridgeContract[N][M]>>;
  };
};

/** What main implements: handlers receive the already-parsed request. */
export type BridgeHandlers<Ctx> = {
  [N in Namespace]: {
    [M in MethodOf<N>]: (
      request: ParsedReq<BridgeContract[N][M]>,
      ctx: Ctx,
    ) => Promise<Res<BridgeContract[N][M]>> | Res<BridgeContract[N][M]>;
  };
};

export const channelName = (ns: string, method: string): string => `${ns}:${method}`;

/** Every channel of the contract, e.g. ['app:info', 'county:send', …]. */
export function allChannels(): { ns: Namespace; method: string; channel: string }[] {
  return (Object.keys(bridgeContract) as Namespace[]).flatMap((ns) =>
    Object.keys(bridgeContract[ns]).map((method) => ({ ns, method, channel: channelName(ns, method) })),
  );
}

/** The global name under which the preload exposes the bridge. */
export const BRIDGE_GLOBAL = 'stationDesk';
