import path from 'node:path'

/** Everything the mock server can be told, from the environment, with embedded defaults. */
export interface MockConfig {
  port: number
  host: string
  /** SQLite file, or ':memory:' */
  dbFile: string
  /** Built H5 app to serve at / (skipped when the folder does not exist) */
  staticDir: string
  /** Optional JSON file adding newly published holiday years without a release */
  calendarOverrideFile: string
  /** uploaded documents, outside the database */
  uploadsDir: string
  logLevel: string
  /** the origin users reach the service at, e.g. https://banli.example.gov.cn; the listening address when unset */
  publicOrigin?: string
  /** "files/MB" a user may upload a day (UPLOAD_DAILY_QUOTA); 50/100 when unset */
  uploadDailyQuota?: string
  /** lifetime of a 渝快办 亮证 code in seconds; the server's default (300) when unset */
  liangzhengTtlSeconds?: number
}

const root = path.resolve(__dirname, '..')

export function configFromEnv(env: NodeJS.ProcessEnv = process.env): MockConfig {
  const dataDir = env.DATA_DIR ?? path.join(root, 'mock', '.data')
  return {
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? '127.0.0.1',
    dbFile: env.DB_FILE ?? path.join(dataDir, 'wanzhou.db'),
    staticDir: env.STATIC_DIR ?? path.join(root, 'dist', 'h5'),
    calendarOverrideFile: env.CALENDAR_OVERRIDE ?? path.join(dataDir, 'calendar-override.json'),
    uploadsDir: env.UPLOADS_DIR ?? path.join(dataDir, 'uploads'),
    logLevel: env.LOG_LEVEL ?? 'info',
    publicOrigin: env.PUBLIC_ORIGIN || undefined,
    uploadDailyQuota: env.UPLOAD_DAILY_QUOTA || undefined,
    liangzhengTtlSeconds: env.LIANGZHENG_TTL_SECONDS ? Number(env.LIANGZHENG_TTL_SECONDS) : undefined,
  }
}
