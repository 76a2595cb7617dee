import type { z } from 'zod'
import type { authorisedFetchResult, LicenceKind } from '../../src/contract/licences'
import { requireConsent, requireIdentity } from '../auth/users'
import type { LicenceDeps } from './deps'
import { licencesOf } from './licence-lookup'
import { materialFromLicence } from './materials'

/**
 * 授权调取: with the applicant's consent and 渝快办 identity, reads their own licences of each kind for the
 * stated use cause; every licence found becomes a material (and an access-log row).
 */
export function fetchAuthorised(deps: LicenceDeps, userId: string, kinds: LicenceKind[], useCause: string): z.input<typeof authorisedFetchResult> {
  requireConsent(deps.db, userId)
  const identity = requireIdentity(deps.db, userId)
  const now = deps.now()
  return deps.db.transaction(() => {
    const result: z.input<typeof authorisedFetchResult> = { licences: [], missing: [] }
    for (const kind of [...new Set(kinds)]) {
      const found = licencesOf(deps.db, identity.id_number, kind)
      if (found.length === 0) result.missing.push(kind)
      for (const licence of found) {
        result.licences.push(materialFromLicence(deps.db, { ownerId: userId, licence, kind, source: 'authorised', useCause, now }))
      }
    }
    return result
  })()
}
