// What 渝快办 told us at sign-in, kept as our own data: the person's real-name identity (ykb_identity: our copy, the
// row app_user points at) and their grant (ykb_grant: the user token later catalogue queries carry, until it lapses).
import type { Db } from '../db/open'
import type { YkbGrant, YkbPerson } from '../ykb-gateway/port'

/** Stores or refreshes our copy of a person's identity, keyed by 渝快办's user id. */
export function rememberPerson(db: Db, p: YkbPerson, at: Date): void {
  db.prepare(`INSERT INTO ykb_identity (id, name, id_number, mobile, demo, created_at) VALUES (?, ?, ?, ?, 0, ?)
    ON CONFLICT (id) DO UPDATE SET name = excluded.name, id_number = excluded.id_number, mobile = excluded.mobile`)
    .run(p.userId, p.name, p.idNumber, p.mobile, at.toISOString())
}

export function storeGrant(db: Db, userId: string, g: YkbGrant, at: Date): void {
  db.prepare(`INSERT INTO ykb_grant (user_id, access_token, expires_at, granted_at) VALUES (?, ?, ?, ?)
    ON CONFLICT (user_id) DO UPDATE SET access_token = excluded.access_token, expires_at = excluded.expires_at, granted_at = excluded.granted_at`)
    .run(userId, g.accessToken, g.expiresAt, at.toISOString())
}

/** The user's live 渝快办 token, if they granted one that has not lapsed. */
export function liveGrant(db: Db, userId: string, at: Date): string | undefined {
  const row = db.prepare('SELECT access_token, expires_at FROM ykb_grant WHERE user_id = ?').get(userId) as { access_token: string; expires_at: string } | undefined
  return row && row.expires_at > at.toISOString() ? row.access_token : undefined
}

/** Forgets a grant 渝快办 no longer honours. */
export function dropGrant(db: Db, userId: string): void {
  db.prepare('DELETE FROM ykb_grant WHERE user_id = ?').run(userId)
}
