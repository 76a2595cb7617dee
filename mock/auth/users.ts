import type { Db } from '../db/open'
import { AppError } from '../http/app-error'
import { CONSENT_VERSION } from '../../src/contract/auth'

export interface AppUser {
  id: string
  wx_openid: string | null
  ykb_identity_id: string | null
  consent_version: string | null
}

export interface YkbIdentity {
  id: string
  name: string
  id_number: string
  mobile: string
}

export function getUser(db: Db, id: string): AppUser {
  const user = db.prepare('SELECT id, wx_openid, ykb_identity_id, consent_version FROM app_user WHERE id = ?').get(id) as AppUser | undefined
  if (!user) throw new AppError('UNAUTHENTICATED')
  return user
}

/** Refuses unless the user agreed to the current personal-information notice (PIPL Art. 29 separate consent). */
export function requireConsent(db: Db, userId: string): AppUser {
  const user = getUser(db, userId)
  if (user.consent_version !== CONSENT_VERSION) throw new AppError('CONSENT_REQUIRED')
  return user
}

export function findIdentity(db: Db, identityId: string): YkbIdentity | undefined {
  return db.prepare('SELECT id, name, id_number, mobile FROM ykb_identity WHERE id = ?').get(identityId) as YkbIdentity | undefined
}

/** The 渝快办 identity bound to this user, if any. */
export function identityOf(db: Db, user: AppUser): YkbIdentity | undefined {
  return user.ykb_identity_id ? findIdentity(db, user.ykb_identity_id) : undefined
}

/** The 渝快办 real-name identity bound to this user, or YKB_AUTH_REQUIRED. */
export function requireIdentity(db: Db, userId: string): YkbIdentity {
  const identity = identityOf(db, getUser(db, userId))
  if (!identity) throw new AppError('YKB_AUTH_REQUIRED')
  return identity
}
