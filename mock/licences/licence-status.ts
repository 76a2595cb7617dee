import type { LicenceKind } from '../../src/contract/licences'
import { KIND_SHORT } from './licence-lookup'
import type { YkbLicence } from '../ykb-gateway/port'

export type LicenceUsability = { status: 'current' | 'cancelled' | 'expired'; refusal: string | null }

/**
 * Whether a licence can serve as application material on `today` (a China date, 'YYYY-MM-DD'):
 * cancelled in the catalogue, past its validity end, or current. The refusal says what to do instead.
 */
export function usabilityOf(licence: Pick<YkbLicence, 'status' | 'validTo'>, kind: LicenceKind, today: string): LicenceUsability {
  const name = KIND_SHORT[kind]
  if (licence.status === 'cancelled') {
    return { status: 'cancelled', refusal: `该${name}电子证照已注销，不能用于报装，请核实后改用有效证照，或改用拍照上传` }
  }
  if (licence.validTo !== null && licence.validTo < today) {
    return { status: 'expired', refusal: `该${name}电子证照已于${licence.validTo}过期，请先到渝快办更新证照，或改用拍照上传` }
  }
  return { status: 'current', refusal: null }
}
