import type { Me } from '../../src/contract/auth'
import { maskId, maskMobile, maskName } from '../../src/core/masking'
import type { Db } from '../db/open'
import { getUser, identityOf } from './users'

/** The signed-in applicant as the app may see them: personal data masked. */
export function meOf(db: Db, userId: string): Me {
  const user = getUser(db, userId)
  const identity = identityOf(db, user)
  return {
    userId: user.id,
    via: identity ? 'ykb' : 'wechat',
    identity: identity
      ? { nameMasked: maskName(identity.name), idNumberMasked: maskId(identity.id_number), mobileMasked: maskMobile(identity.mobile) }
      : null,
    consentVersion: user.consent_version,
  }
}
