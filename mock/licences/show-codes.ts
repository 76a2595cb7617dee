// Dynamic 亮证 codes shown by the holder's 渝快办 app: `YKBLZ1:<kind>:<token>`, short-lived.
import crypto from 'node:crypto'
import type { Db } from '../db/open'
import { licenceKind, type LicenceKind } from '../../src/contract/licences'
import { AppError } from '../http/app-error'

export const SHOW_CODE_PREFIX = 'YKBLZ1:'
const SHAPE = /^YKBLZ1:([a-z-]+):([A-Za-z0-9_-]{24})$/
const KEEP_EXPIRED_MS = 24 * 3600 * 1000

export interface ShowCode {
  content: string
  expiresAt: Date
}

/**
 * The holder's code for a kind: the live one when there is one (so a page refreshing itself shows a stable
 * code), else a new one. `fresh` always issues a new one.
 */
export function showCodeFor(db: Db, o: { identityId: string; kind: LicenceKind; ttlSeconds: number; now: Date; fresh?: boolean }): ShowCode {
  const at = o.now.toISOString()
  if (!o.fresh) {
    const live = db.prepare(`SELECT token, expires_at FROM show_code WHERE identity_id = ? AND kind = ? AND expires_at > ?
      ORDER BY expires_at DESC LIMIT 1`).get(o.identityId, o.kind, at) as { token: string; expires_at: string } | undefined
    if (live) return { content: `${SHOW_CODE_PREFIX}${o.kind}:${live.token}`, expiresAt: new Date(live.expires_at) }
  }
  db.prepare('DELETE FROM show_code WHERE expires_at < ?').run(new Date(o.now.getTime() - KEEP_EXPIRED_MS).toISOString())
  const token = crypto.randomBytes(18).toString('base64url')
  const expiresAt = new Date(o.now.getTime() + o.ttlSeconds * 1000)
  db.prepare('INSERT INTO show_code (token, identity_id, kind, created_at, expires_at) VALUES (?, ?, ?, ?, ?)')
    .run(token, o.identityId, o.kind, at, expiresAt.toISOString())
  return { content: `${SHOW_CODE_PREFIX}${o.kind}:${token}`, expiresAt }
}

/** The holder and kind behind a scanned 亮证 code; QR_INVALID when malformed or unknown, QR_EXPIRED when old. */
export function resolveShowCode(db: Db, qr: string, now: Date): { identityId: string; kind: LicenceKind } {
  const m = SHAPE.exec(qr)
  const kind = m ? licenceKind.safeParse(m[1]) : undefined
  if (!m || !kind?.success) throw new AppError('QR_INVALID', '亮证码内容不完整或格式不对，请重新扫描持证人渝快办中的亮证码')
  const row = db.prepare('SELECT identity_id, kind, expires_at FROM show_code WHERE token = ?').get(m[2]) as
    | { identity_id: string; kind: LicenceKind; expires_at: string }
    | undefined
  if (!row || row.kind !== kind.data) throw new AppError('QR_INVALID', '未找到该亮证码，请让持证人刷新亮证码后重新扫描')
  if (row.expires_at <= now.toISOString()) throw new AppError('QR_EXPIRED')
  return { identityId: row.identity_id, kind: row.kind }
}
