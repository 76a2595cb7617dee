import crypto from 'node:crypto'
import type { Db } from '../db/open'
import { getUser } from './users'

type Column = 'wx_openid' | 'ykb_identity_id'

function insertUser(db: Db, column: Column, value: string, at: Date): string {
  const id = `u_${crypto.randomUUID()}`
  db.prepare(`INSERT INTO app_user (id, ${column}, created_at) VALUES (?, ?, ?)`).run(id, value, at.toISOString())
  return id
}

function userBy(db: Db, column: Column, value: string): string | undefined {
  const row = db.prepare(`SELECT id FROM app_user WHERE ${column} = ?`).get(value) as { id: string } | undefined
  return row?.id
}

/** The user signed in with this WeChat openid, created on first sign-in. */
export function userForOpenid(db: Db, openid: string, at: Date): string {
  return db.transaction(() => userBy(db, 'wx_openid', openid) ?? insertUser(db, 'wx_openid', openid, at))()
}

/**
 * The user a 渝快办 identity signs in as: whoever already holds it; else the signed-in user (e.g. a WeChat
 * user) when they hold no identity yet, who is bound to it; else a new user.
 */
export function userForIdentity(db: Db, identityId: string, currentUserId: string | undefined, at: Date): string {
  return db.transaction(() => {
    const holder = userBy(db, 'ykb_identity_id', identityId)
    if (holder) return holder
    if (currentUserId && !getUser(db, currentUserId).ykb_identity_id) {
      db.prepare('UPDATE app_user SET ykb_identity_id = ? WHERE id = ?').run(identityId, currentUserId)
      return currentUserId
    }
    return insertUser(db, 'ykb_identity_id', identityId, at)
  })()
}

/** Stores (granted) or withdraws the user's consent to the personal-information notice. */
export function setConsent(db: Db, userId: string, version: string | null, at: Date): void {
  db.prepare('UPDATE app_user SET consent_version = ?, consent_at = ? WHERE id = ?').run(version, version ? at.toISOString() : null, userId)
}
