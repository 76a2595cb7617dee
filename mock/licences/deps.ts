import type { Db } from '../db/open'
import type { Quotas } from './upload-quota'
import type { YkbGateway } from '../ykb-gateway/port'

/** What the e-licence, 亮证, upload and OCR routes need from the server. */
export interface LicenceDeps {
  db: Db
  /** uploaded documents, outside the database */
  uploadsDir: string
  /** the only way to 渝快办 */
  ykb: YkbGateway
  now: () => Date
  /** daily upload quotas (UPLOAD_DAILY_QUOTA); the defaults when omitted */
  uploadQuotas?: Quotas
  /** flush each upload to disk before acknowledging it (production) */
  durable?: boolean
}

export const DEFAULT_SHOW_TTL_SECONDS = 300

/** The 亮证 code lifetime: the configured value (from LIANGZHENG_TTL_SECONDS) or 300 s; refuses nonsense at start. */
export function showTtlSeconds(configured: number | undefined): number {
  if (configured === undefined) return DEFAULT_SHOW_TTL_SECONDS
  if (!Number.isInteger(configured) || configured < 1 || configured > 3600) {
    throw new Error(`LIANGZHENG_TTL_SECONDS must be a whole number of seconds from 1 to 3600, got ${configured}`)
  }
  return configured
}
