import type { z } from 'zod'
import type { authorisedFetchResult, LicenceKind } from '../../src/contract/licences'
import { requireConsent, requireIdentity } from '../auth/users'
import { dropGrant, liveGrant } from '../auth/ykb-grants'
import { AppError } from '../http/app-error'
import { viaYkb } from '../ykb-gateway/errors'
import type { LicenceDeps } from './deps'
import { KIND_TYPE } from './licence-lookup'
import { materialFromLicence } from './materials'

const REAUTHORISE = '渝快办授权已过期，请重新通过渝快办授权后再调取，或改用扫码、拍照上传'

/**
 * 授权调取: with the applicant's consent and 渝快办 grant, asks 渝快办's catalogue for their own licences of each
 * kind for the stated use cause; every licence found becomes a material (and an access-log row), all in one
 * transaction after 渝快办 has answered, so a slow or failing 渝快办 leaves nothing half-written.
 */
export async function fetchAuthorised(deps: LicenceDeps, userId: string, kinds: LicenceKind[], useCause: string): Promise<z.input<typeof authorisedFetchResult>> {
  requireConsent(deps.db, userId)
  const identity = requireIdentity(deps.db, userId)
  const accessToken = liveGrant(deps.db, userId, deps.now())
  if (!accessToken) throw new AppError('YKB_AUTH_REQUIRED', REAUTHORISE)
  const wanted = [...new Set(kinds)]
  const found = await viaYkb(() => deps.ykb.licencesOfHolder({ accessToken, holderIdNumber: identity.id_number, typeCodes: wanted.map((k) => KIND_TYPE[k].code), useCause }), {
    TOKEN_INVALID: () => { dropGrant(deps.db, userId); return new AppError('YKB_AUTH_REQUIRED', REAUTHORISE) },
  })
  const now = deps.now()
  return deps.db.transaction(() => {
    const result: z.input<typeof authorisedFetchResult> = { licences: [], missing: [] }
    for (const kind of wanted) {
      const mine = found.filter((l) => l.typeCode === KIND_TYPE[kind].code)
      if (mine.length === 0) result.missing.push(kind)
      for (const licence of mine) {
        result.licences.push(materialFromLicence(deps.db, { ownerId: userId, licence, kind, source: 'authorised', useCause, now }))
      }
    }
    return result
  })()
}
