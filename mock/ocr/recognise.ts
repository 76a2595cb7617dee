// Mock of WeChat's ocr.idcard: recognises the mock's own demo photos of 王芳's card (from the demo data) and nothing else.
import type { z } from 'zod'
import type { ocrResultSchema } from '../../src/contract/licences'
import { chinaDate, isDayString } from '../../src/core/calendar/china-date'
import { maskId, maskName } from '../../src/core/masking'
import { checkIdNumber } from '../../src/core/validators'
import { maskAddress } from '../licences/licence-masking'
import { demoPeople } from '../seed/seed'
import type { IdCardFace } from '../licences/material-data'
import { demoIdCardImage, type CardSide } from './demo-images'

/** Whose card the demo photos show. */
export const OCR_DEMO_IDENTITY = 'ykb-demo-wang'

export interface IdCardOcr {
  side: CardSide
  name?: string
  idNumber?: string
  address?: string
  /** as WeChat gives it: 'YYYYMMDD-YYYYMMDD' or 'YYYYMMDD-长期' */
  validDate?: string
}

const compact = (day: string) => day.replace(/-/g, '')
const dashed = (d: string) => `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}`

/** What the photo with this sha256 shows on this side, or null when it is not recognised. */
export function recogniseIdCard(sha256: string, side: CardSide): IdCardOcr | null {
  if (sha256 !== demoIdCardImage(side).sha256) return null
  const who = demoPeople().find((p) => p.id === OCR_DEMO_IDENTITY)
  const licence = who?.licences.find((l) => l.licence_number === who.idNumber)
  if (!who || !licence) return null
  const face = JSON.parse(licence.face_json) as IdCardFace
  if (side === 'front') return { side, name: who.name, idNumber: who.idNumber, address: face.address }
  return { side, validDate: `${compact(face.validFrom ?? '')}-${face.validTo ? compact(face.validTo) : '长期'}` }
}

/** The validity period of a recognised back side, or null when it does not parse as real dates. */
export function parseValidDate(text: string): { from: string; to: string | null } | null {
  const m = /^(\d{8})-(\d{8}|长期)$/.exec(text)
  if (!m) return null
  const from = dashed(m[1])
  const to = m[2] === '长期' ? null : dashed(m[2])
  return isDayString(from) && (to === null || isDayString(to)) ? { from, to } : null
}

type Checks = z.input<typeof ocrResultSchema>['checks']

/** Re-validates what was recognised: the ID number's check digit and date, the validity dates. */
export function ocrChecks(ocr: IdCardOcr, now: Date): Checks {
  const checks: Checks = []
  const today = chinaDate(now)
  if (ocr.name !== undefined) checks.push({ field: 'name', ok: ocr.name.trim() !== '', message: ocr.name.trim() ? '已识别姓名' : '未识别到姓名' })
  if (ocr.idNumber !== undefined) {
    const id = checkIdNumber(ocr.idNumber, now)
    checks.push({ field: 'idNumber', ok: id.ok, message: id.ok ? '公民身份号码校验通过' : id.message })
  }
  if (ocr.validDate !== undefined) {
    const valid = parseValidDate(ocr.validDate)
    const ended = valid?.to != null && valid.to < today
    checks.push({
      field: 'validDate', ok: valid !== null && !ended,
      message: !valid ? '未能识别有效期限，请核对证件' : ended ? `证件已于${valid.to}过期，请使用有效身份证件` : `证件在有效期内（至${valid.to ?? '长期'}）`,
    })
  }
  return checks
}

/** The masked answer of POST /api/ocr/idcard. */
export function ocrResult(ocr: IdCardOcr, now: Date): z.input<typeof ocrResultSchema> {
  return {
    side: ocr.side,
    nameMasked: ocr.name ? maskName(ocr.name) : null,
    idMasked: ocr.idNumber ? maskId(ocr.idNumber) : null,
    addrMasked: ocr.address ? maskAddress(ocr.address) : null,
    validDate: ocr.validDate ?? null,
    checks: ocrChecks(ocr, now),
  }
}
