import type { LicenceKind } from '../../src/contract/licences'
import { LICENCE_TYPES } from '../seed/demo-data'

/** The catalogue type of each kind the journey uses (GB/T 36902 type codes), as we ask 渝快办 for them. */
export const KIND_TYPE: Record<LicenceKind, { code: string; name: string }> = {
  'id-card': LICENCE_TYPES.idCard,
  property: LICENCE_TYPES.property,
}

/** Short names for messages: 身份证 / 不动产权证书. */
export const KIND_SHORT: Record<LicenceKind, string> = { 'id-card': '身份证', property: '不动产权证书' }
