// Every setting the server reads, parsed and checked in one place. Two modes:
//   demo (npm start / npm run mock): embedded defaults, demo data seeded, the 渝快办 simulator and the SMS outbox
//     on the same origin;
//   production (npm run serve): nothing seeded, no demo page, and no default for what a deployment must decide:
//     configFromEnv throws a ConfigError naming every missing or invalid setting, and the server does not start.
import path from 'node:path'
import { z } from 'zod'
import { SUPPLIER_CODES, type SupplierCode } from '../src/core/services'
import { dispatchedProviders, PROVIDERS, type ProviderCode } from '../src/core/providers'
import type { SupplySettings } from '../src/core/supply-settings'
import { readSupplySettings } from './supply-source'

export type Mode = 'demo' | 'production'

export interface PushKey {
  supplier: SupplierCode
  appKey: string
  secret: string
}

/** How we reach 渝快办: its open-platform API and its consent page, with our app key and secret. */
export interface YkbSettings {
  /** the open-platform API, e.g. https://open.ykb.example.gov.cn/api; in the demo the simulator's (set on listen) */
  baseUrl?: string
  /** where the applicant's browser goes to authorise (the consent page) */
  authorizeUrl: string
  appKey: string
  secret: string
  /** per-attempt timeout of a gateway call */
  timeoutMs: number
}

/** The demo simulator's switches (YKB_SIM_*): slowness, a share of 5xx answers, refusing our signatures. */
export interface YkbSimSettings {
  delayMs: number
  failureRate: number
  badSignature: boolean
}

/** Our key at a utility we send cases to (UTILITY_KEYS): the utility checks our signature with it. */
export interface UtilityKeySetting {
  provider: ProviderCode
  appKey: string
  secret: string
}

/** An SMS gateway reached over HTTP (signed JSON POSTs); without one (the demo) messages stay in the outbox page. */
export interface SmsSettings {
  endpoint: string
  appKey: string
  secret: string
}

/** The national 小微企业名录 (SME_REGISTRY_*): signed GETs by credit code; without one, production's checks stay 待核验. */
export interface SmeRegistrySettings {
  /** the registry's API base, e.g. https://sme.example.gov.cn/api/v1 (the demo's simulator: a path on this server) */
  baseUrl: string
  appKey: string
  secret: string
}

/** Everything the server can be told, from the environment. */
export interface MockConfig {
  mode: Mode
  port: number
  host: string
  /** the data folder: the database (unless DB_FILE), the simulator's store in the demo, the calendar override */
  dataDir: string
  /** SQLite file, or ':memory:' */
  dbFile: string
  /** Built H5 app to serve at / (skipped when the folder does not exist) */
  staticDir: string
  /** Optional JSON file adding newly published holiday years without a release */
  calendarOverrideFile: string
  /** Optional JSON file overriding the township → enterprise split and per-stage default limits (read at start) */
  supplyOverrideFile: string
  /** the bundled supply settings with that file applied: what new cases are submitted under */
  supply: SupplySettings
  /** uploaded documents, outside the database */
  uploadsDir: string
  logLevel: string
  /** the origin users reach the service at, e.g. https://banli.example.gov.cn; the listening address when unset (demo) */
  publicOrigin?: string
  /** "files/MB" a user may upload a day (UPLOAD_DAILY_QUOTA); 50/100 when unset */
  uploadDailyQuota?: string
  /** lifetime of a 渝快办 亮证 code in seconds (the demo simulator's); 300 when unset */
  liangzhengTtlSeconds?: number
  ykb: YkbSettings
  /** demo only */
  ykbSim: YkbSimSettings
  /** the supply enterprises' push keys; in the demo generated on first start and kept in the database */
  pushKeys?: PushKey[]
  /** production only; the demo keeps messages in its outbox page */
  sms?: SmsSettings
  /**
   * Where each utility we send cases to takes them (UTILITY_ENDPOINTS). The demo sends to its simulators unless one
   * is named here; production reaches, and offers to applicants, only the utilities named here.
   */
  utilityEndpoints?: Partial<Record<ProviderCode, string>>
  /** our key at each of those utilities (UTILITY_KEYS); in the demo generated on first start and kept in the database */
  utilityKeys?: UtilityKeySetting[]
  /** the national 小微企业名录; the demo asks its simulator unless one is named, production asks none unless one is named */
  smeRegistry?: SmeRegistrySettings
}

export class ConfigError extends Error {
  constructor(readonly problems: { setting: string; message: string }[]) {
    super(`configuration incomplete or invalid:\n${problems.map((p) => `  ${p.setting}: ${p.message}`).join('\n')}`)
    this.name = 'ConfigError'
  }
}

const root = path.resolve(__dirname, '..')
const DEMO_DATA_DIR = path.join(root, 'mock', '.data')
const DB_NAME = 'wanzhou.db'
const UPLOADS_NAME = 'uploads'
export const DEFAULT_YKB_TIMEOUT_MS = 3000
const MIN_SECRET = 32
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]'])

/** Unset and empty are the same: an empty variable in a unit file or compose file means "not set". */
const optional = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === '' ? undefined : v), schema.optional())
const wholeNumber = (min: number, max: number) => z.coerce.number({ error: '应为数字' }).int('应为整数').min(min, `不能小于${min}`).max(max, `不能大于${max}`)

/** An http(s) URL; https unless it points at this machine (a reverse proxy or the simulator in tests). */
const serviceUrl = z.string().refine((v) => {
  try {
    const url = new URL(v)
    return url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK.has(url.hostname))
  } catch {
    return false
  }
}, '应为 https:// 开头的完整地址（本机地址可用 http://）')

const secret = z.string().min(MIN_SECRET, `至少${MIN_SECRET}个字符（随机生成，例如 openssl rand -hex 32）`)
const key = z.string().regex(/^[A-Za-z0-9_.-]{3,64}$/, '应为3–64个字母、数字、点、下划线或连字符')

/** PUSH_KEYS: `supplier=appKey:secret` for every supply enterprise, separated by commas. */
const pushKeys = z.string().transform((v, ctx) => {
  const keys: PushKey[] = []
  for (const part of v.split(',').map((p) => p.trim()).filter(Boolean)) {
    const m = /^([a-z-]+)=([^:]+):(.+)$/.exec(part)
    const supplier = m?.[1] as SupplierCode | undefined
    if (!m || !supplier || !SUPPLIER_CODES.includes(supplier)) {
      ctx.addIssue({ code: 'custom', message: `每项应为 供电企业=密钥编号:密钥（企业：${SUPPLIER_CODES.join('、')}）` })
      return z.NEVER
    }
    if (!key.safeParse(m[2]).success || !secret.safeParse(m[3]).success) {
      ctx.addIssue({ code: 'custom', message: `${supplier} 的密钥编号应为3–64个字母数字，密钥至少${MIN_SECRET}个字符` })
      return z.NEVER
    }
    keys.push({ supplier, appKey: m[2], secret: m[3] })
  }
  const missing = PROVIDERS.filter((p) => p.requiredAtStart).map((p) => p.code).filter((s) => !keys.some((k) => k.supplier === s))
  if (missing.length) ctx.addIssue({ code: 'custom', message: `缺少供电企业 ${missing.join('、')} 的推送密钥` })
  return keys
})

const DISPATCHED = dispatchedProviders().map((p) => p.code)
/** `provider=value` pairs separated by commas, each provider one of the utilities we send cases to, at most once. */
const providerPairs = <T>(what: string, parse: (value: string, provider: ProviderCode) => { value: T } | { error: string }) => z.string().transform((v, ctx) => {
  const out: [ProviderCode, T][] = []
  for (const part of v.split(',').map((p) => p.trim()).filter(Boolean)) {
    const at = part.indexOf('=')
    const provider = part.slice(0, at) as ProviderCode
    if (at < 1 || !DISPATCHED.includes(provider)) {
      ctx.addIssue({ code: 'custom', message: `每项应为 企业=${what}（企业：${DISPATCHED.join('、')}）` })
      return z.NEVER
    }
    if (out.some(([p]) => p === provider)) {
      ctx.addIssue({ code: 'custom', message: `${provider} 重复出现` })
      return z.NEVER
    }
    const parsed = parse(part.slice(at + 1), provider)
    if ('error' in parsed) {
      ctx.addIssue({ code: 'custom', message: parsed.error })
      return z.NEVER
    }
    out.push([provider, parsed.value])
  }
  return out
})

/** UTILITY_ENDPOINTS: `provider=https://…` for each utility this deployment sends cases to. */
const utilityEndpoints = providerPairs('接收地址', (url, provider) => (serviceUrl.safeParse(url).success
  ? { value: url.replace(/\/$/, '') }
  : { error: `${provider} 的接收地址应为 https:// 开头的完整地址（本机地址可用 http://）` }))
  .transform((pairs) => Object.fromEntries(pairs) as Partial<Record<ProviderCode, string>>)

/** UTILITY_KEYS: `provider=keyId:secret`, our signing key at each of those utilities. */
const utilityKeys = providerPairs<{ appKey: string; secret: string }>('密钥编号:密钥', (value, provider) => {
  const m = /^([^:]+):(.+)$/.exec(value)
  if (!m || !key.safeParse(m[1]).success || !secret.safeParse(m[2]).success) return { error: `${provider} 的密钥编号应为3–64个字母数字，密钥至少${MIN_SECRET}个字符` }
  return { value: { appKey: m[1], secret: m[2] } }
}).transform((pairs): UtilityKeySetting[] => pairs.map(([provider, k]) => ({ provider, ...k })))

const common = {
  PORT: optional(wholeNumber(0, 65535)),
  HOST: optional(z.string()),
  STATIC_DIR: optional(z.string()),
  CALENDAR_OVERRIDE: optional(z.string()),
  SUPPLY_OVERRIDE: optional(z.string()),
  DB_FILE: optional(z.string()),
  LOG_LEVEL: optional(z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], { error: '应为 fatal、error、warn、info、debug、trace 或 silent' })),
  UPLOAD_DAILY_QUOTA: optional(z.string().regex(/^\d{1,7}\/\d{1,7}$/, '应为“文件数/兆字节”，例如 50/100')),
  YKB_TIMEOUT_MS: optional(wholeNumber(100, 60_000)),
  UTILITY_ENDPOINTS: optional(utilityEndpoints),
  UTILITY_KEYS: optional(utilityKeys),
  SME_REGISTRY_URL: optional(serviceUrl),
  SME_REGISTRY_APP_KEY: optional(key),
  SME_REGISTRY_SECRET: optional(secret),
}

const SME_SETTINGS = ['SME_REGISTRY_URL', 'SME_REGISTRY_APP_KEY', 'SME_REGISTRY_SECRET'] as const
type SmeEnv = Partial<Record<(typeof SME_SETTINGS)[number], string>>

/** The 小微企业名录 is named whole or not at all: its address with our key and secret there. */
function smeWholeOrNone(e: SmeEnv, ctx: z.RefinementCtx): void {
  const given = SME_SETTINGS.filter((s) => e[s] !== undefined)
  if (given.length === 0 || given.length === SME_SETTINGS.length) return
  for (const s of SME_SETTINGS.filter((n) => e[n] === undefined)) ctx.addIssue({ code: 'custom', path: [s], message: `与 ${given.join('、')} 一起设置（国家小微企业名录的地址、应用编号和密钥缺一不可）` })
}

const smeOf = (e: SmeEnv): SmeRegistrySettings | undefined => (e.SME_REGISTRY_URL && e.SME_REGISTRY_APP_KEY && e.SME_REGISTRY_SECRET
  ? { baseUrl: e.SME_REGISTRY_URL.replace(/\/$/, ''), appKey: e.SME_REGISTRY_APP_KEY, secret: e.SME_REGISTRY_SECRET }
  : undefined)

const demoSchema = z.object({
  ...common,
  DATA_DIR: optional(z.string()),
  UPLOADS_DIR: optional(z.string()),
  PUBLIC_ORIGIN: optional(serviceUrl),
  LIANGZHENG_TTL_SECONDS: optional(wholeNumber(1, 3600)),
  YKB_SIM_DELAY_MS: optional(wholeNumber(0, 120_000)),
  YKB_SIM_FAILURE_RATE: optional(z.coerce.number({ error: '应为0到1之间的数' }).min(0, '应在0到1之间').max(1, '应在0到1之间')),
  YKB_SIM_BAD_SIGNATURE: optional(z.enum(['0', '1'], { error: '应为 0 或 1' })),
}).superRefine(smeWholeOrNone)

/** What each setting production cannot do without is, for the message when it is not set. */
const REQUIRED_IN_PRODUCTION: Record<string, string> = {
  DATA_DIR: '数据目录（绝对路径），存放数据库',
  UPLOADS_DIR: '上传文件目录（绝对路径）',
  PUBLIC_ORIGIN: '用户访问本服务的地址，例如 https://banli.example.gov.cn',
  YKB_BASE_URL: '渝快办开放平台接口地址',
  YKB_AUTHORIZE_URL: '渝快办授权登录页地址',
  YKB_APP_KEY: '渝快办分配的应用编号',
  YKB_APP_SECRET: '渝快办分配的应用密钥',
  PUSH_KEYS: '供电企业推送密钥，格式 sgcc-wanzhou=编号:密钥,sanxia=编号:密钥',
  SMS_ENDPOINT: '短信网关地址',
  SMS_APP_KEY: '短信网关分配的应用编号',
  SMS_APP_SECRET: '短信网关分配的密钥',
}

const absolute = z.string().refine(path.isAbsolute, '应为绝对路径')
const demoOnly = z.undefined({ error: '仅演示模式可用' }).optional()

/** A utility reached needs our key there, and a key is for a utility reached: UTILITY_ENDPOINTS and UTILITY_KEYS name the same ones. */
function everyUtilityKeyed(e: { UTILITY_ENDPOINTS?: Partial<Record<ProviderCode, string>>; UTILITY_KEYS?: UtilityKeySetting[] }, ctx: z.RefinementCtx): void {
  const reached = Object.keys(e.UTILITY_ENDPOINTS ?? {})
  const keyed = (e.UTILITY_KEYS ?? []).map((k) => k.provider as string)
  const unkeyed = reached.filter((p) => !keyed.includes(p))
  const unreached = keyed.filter((p) => !reached.includes(p))
  if (unkeyed.length) ctx.addIssue({ code: 'custom', path: ['UTILITY_KEYS'], message: `缺少 ${unkeyed.join('、')} 的密钥（UTILITY_ENDPOINTS 中已配置其接收地址）` })
  if (unreached.length) ctx.addIssue({ code: 'custom', path: ['UTILITY_ENDPOINTS'], message: `缺少 ${unreached.join('、')} 的接收地址（UTILITY_KEYS 中已配置其密钥）` })
}

/** Empty means unset, as in demo mode; then the setting's own check fails and problemsOf says it is missing. */
const productionSchema = z.preprocess((env) => Object.fromEntries(Object.entries(env as Record<string, unknown>).filter(([, v]) => v !== '')), z.object({
  ...common,
  DATA_DIR: absolute,
  UPLOADS_DIR: absolute,
  PUBLIC_ORIGIN: serviceUrl,
  YKB_BASE_URL: serviceUrl,
  YKB_AUTHORIZE_URL: serviceUrl,
  YKB_APP_KEY: key,
  YKB_APP_SECRET: secret,
  PUSH_KEYS: pushKeys,
  SMS_ENDPOINT: serviceUrl,
  SMS_APP_KEY: key,
  SMS_APP_SECRET: secret,
  // the simulator's switches mean nothing here: setting one is a mistake worth naming
  YKB_SIM_DELAY_MS: demoOnly,
  YKB_SIM_FAILURE_RATE: demoOnly,
  YKB_SIM_BAD_SIGNATURE: demoOnly,
  LIANGZHENG_TTL_SECONDS: demoOnly,
}).superRefine(everyUtilityKeyed).superRefine(smeWholeOrNone))

/** The demo's own key at its simulator: fixed, so a demo database keeps working across restarts. */
export const DEMO_YKB_APP = { appKey: 'wanzhou-bandian-demo', secret: 'demo-secret-not-for-production-0123456789abcdef' }

/** One problem per setting, in the order of the table; an unset required one says what it is. */
function problemsOf(error: z.ZodError, env: NodeJS.ProcessEnv): ConfigError {
  const seen = new Set<string>()
  const problems: { setting: string; message: string }[] = []
  for (const issue of error.issues) {
    const setting = String(issue.path[0] ?? '?')
    if (seen.has(setting)) continue
    seen.add(setting)
    const unset = env[setting] === undefined || env[setting] === ''
    problems.push({ setting, message: unset && REQUIRED_IN_PRODUCTION[setting] ? `未设置（${REQUIRED_IN_PRODUCTION[setting]}）` : issue.message })
  }
  return new ConfigError(problems)
}

/** The supply settings with the override file applied; a ConfigError names each problem of the file. */
function supplyFrom(file: string): Pick<MockConfig, 'supplyOverrideFile' | 'supply'> {
  const { settings, problems } = readSupplySettings(file)
  if (!settings) throw new ConfigError(problems.map((message) => ({ setting: 'SUPPLY_OVERRIDE', message })))
  return { supplyOverrideFile: file, supply: settings }
}

/** The settings of a mode from the environment; a ConfigError names every missing or invalid one. */
export function configFromEnv(env: NodeJS.ProcessEnv = process.env, mode: Mode = 'demo'): MockConfig {
  if (mode === 'production') {
    const parsed = productionSchema.safeParse(env)
    if (!parsed.success) throw problemsOf(parsed.error, env)
    const e = parsed.data
    const dataDir = e.DATA_DIR
    return {
      mode, port: e.PORT ?? 3000, host: e.HOST ?? '127.0.0.1', dataDir,
      dbFile: e.DB_FILE ?? path.join(dataDir, DB_NAME),
      staticDir: e.STATIC_DIR ?? path.join(root, 'dist', 'h5'),
      calendarOverrideFile: e.CALENDAR_OVERRIDE ?? path.join(dataDir, 'calendar-override.json'),
      ...supplyFrom(e.SUPPLY_OVERRIDE ?? path.join(dataDir, 'supply-override.json')),
      uploadsDir: e.UPLOADS_DIR,
      logLevel: e.LOG_LEVEL ?? 'info',
      publicOrigin: new URL(e.PUBLIC_ORIGIN).origin,
      uploadDailyQuota: e.UPLOAD_DAILY_QUOTA,
      ykb: {
        baseUrl: (e.YKB_BASE_URL).replace(/\/$/, ''), authorizeUrl: e.YKB_AUTHORIZE_URL,
        appKey: e.YKB_APP_KEY, secret: e.YKB_APP_SECRET, timeoutMs: e.YKB_TIMEOUT_MS ?? DEFAULT_YKB_TIMEOUT_MS,
      },
      ykbSim: { delayMs: 0, failureRate: 0, badSignature: false },
      pushKeys: e.PUSH_KEYS,
      sms: { endpoint: e.SMS_ENDPOINT, appKey: e.SMS_APP_KEY, secret: e.SMS_APP_SECRET },
      utilityEndpoints: e.UTILITY_ENDPOINTS ?? {},
      utilityKeys: e.UTILITY_KEYS ?? [],
      smeRegistry: smeOf(e),
    }
  }
  const parsed = demoSchema.safeParse(env)
  if (!parsed.success) throw problemsOf(parsed.error, env)
  const e = parsed.data
  const dataDir = e.DATA_DIR ?? DEMO_DATA_DIR
  return {
    mode, port: e.PORT ?? 3000, host: e.HOST ?? '127.0.0.1', dataDir,
    dbFile: e.DB_FILE ?? path.join(dataDir, DB_NAME),
    staticDir: e.STATIC_DIR ?? path.join(root, 'dist', 'h5'),
    calendarOverrideFile: e.CALENDAR_OVERRIDE ?? path.join(dataDir, 'calendar-override.json'),
    ...supplyFrom(e.SUPPLY_OVERRIDE ?? path.join(dataDir, 'supply-override.json')),
    uploadsDir: e.UPLOADS_DIR ?? path.join(dataDir, UPLOADS_NAME),
    logLevel: e.LOG_LEVEL ?? 'info',
    publicOrigin: e.PUBLIC_ORIGIN ? new URL(e.PUBLIC_ORIGIN).origin : undefined,
    uploadDailyQuota: e.UPLOAD_DAILY_QUOTA,
    liangzhengTtlSeconds: e.LIANGZHENG_TTL_SECONDS,
    ykb: { authorizeUrl: '/ykb/authorize', ...DEMO_YKB_APP, timeoutMs: e.YKB_TIMEOUT_MS ?? DEFAULT_YKB_TIMEOUT_MS },
    ykbSim: { delayMs: e.YKB_SIM_DELAY_MS ?? 0, failureRate: e.YKB_SIM_FAILURE_RATE ?? 0, badSignature: e.YKB_SIM_BAD_SIGNATURE === '1' },
    utilityEndpoints: e.UTILITY_ENDPOINTS,
    utilityKeys: e.UTILITY_KEYS,
    smeRegistry: smeOf(e),
  }
}

/**
 * Where the data lives, for the backup and restore commands: DB_FILE, UPLOADS_DIR and DATA_DIR as the server reads
 * them (the demo's folder when DATA_DIR is unset), without the rest of a mode's settings.
 */
export function storageFromEnv(env: NodeJS.ProcessEnv = process.env): { dbFile: string; uploadsDir: string } {
  const dataDir = env.DATA_DIR || DEMO_DATA_DIR
  return { dbFile: env.DB_FILE || path.join(dataDir, DB_NAME), uploadsDir: env.UPLOADS_DIR || path.join(dataDir, UPLOADS_NAME) }
}
