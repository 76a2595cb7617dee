// The signed 《低压供用电合同》 as a PDF, made on request from the case's signed record: the answers it was signed
// over, the supply settings of the day, and the contract-signed event (method, time, digest).
import { maskName } from '../../src/core/masking'
import { EVENT_TYPES } from '../../src/core/progress'
import { supplierName } from '../../src/core/services'
import { chinaDate, chinaDateTime } from '../../src/core/calendar/china-date'
import type { Db } from '../db/open'
import { getUser, identityOf } from '../auth/users'
import { AppError } from '../http/app-error'
import { answersOf, type Case } from '../progress/case'
import { BUNDLED_SUPPLY_SETTINGS } from '../../src/core/supply-settings'
import { storedSettings } from '../supply-source'
import { textPdf, type PdfParagraph } from '../pdf/text-pdf'
import { buildContractSummary, CONTRACT_TITLE } from './contract-summary'

const METHOD_WORDS: Record<string, string> = { tap: '阅读后点按确认签署', 'typed-name': '阅读后输入本人姓名签署' }

/** What the digest is, for a reader who has never heard of one. */
export const DIGEST_EXPLAINED =
  '这串64位字符是签署时由合同全部条款和您提交的申请信息计算出的“数字指纹”（SHA-256）。内容哪怕改动一个字，指纹都会完全不同。' +
  '供电企业存档的签署记录里保存着同一个指纹：双方核对这串字符一致，即说明合同签署后没有被改动。'

export interface ContractPdfReader {
  /** the applicant reads their own name in full; staff read it masked */
  viewer: 'owner' | 'staff'
  now: Date
}

/**
 * After 改派 the contract still reads as it was signed (its digest covers that text): a line under the signature
 * says which enterprise handles the case now, and since when.
 */
function reassignedSince(c: Case): PdfParagraph[] {
  const moved = c.effective.filter((e) => e.type === EVENT_TYPES.reassigned).at(-1)
  if (!moved) return []
    return [{
    text: `签署后，本申请已于${chinaDate(new Date(moved.at))}改由${supplierName(String(moved.payload.to))}办理，办理时限照常计算。以上合同内容为签署时的原文，未作改动。`,
    gapBefore: 6,
  }]
}

/** The signed contract of a low-voltage case as a PDF; ACTION_NOT_ALLOWED when it has none (10 kV signs later). */
export function contractPdf(db: Db, c: Case, reader: ContractPdfReader): { file: Buffer; fileName: string } {
  const signed = c.effective.find((e) => e.type === EVENT_TYPES.contractSigned)
  if (!signed) throw new AppError('ACTION_NOT_ALLOWED', '本申请没有在线签署的合同（高压用户在装表接电环节签订）')
  const p = signed.payload as { method?: string; signedAt?: string; contractHash?: string }
  const name = identityOf(db, getUser(db, c.row.owner_id))?.name ?? '申请人本人'
  const shownName = reader.viewer === 'owner' ? name : maskName(name)
  const settings = c.row.settings_id === null ? BUNDLED_SUPPLY_SETTINGS : storedSettings(db, c.row.settings_id)
  const { sections } = buildContractSummary(answersOf(c.row), shownName, settings)
  const hash = p.contractHash ?? ''
  const paragraphs: PdfParagraph[] = [
    { text: `《${CONTRACT_TITLE}》`, size: 18 },
    { text: `申请编号：${c.row.number}`, gapBefore: 6 },
    ...sections.flatMap((s, i): PdfParagraph[] => [
      { text: `${i + 1}. ${s.heading}`, size: 13, gapBefore: 10 },
      { text: s.text },
    ]),
    { text: '签署', size: 13, gapBefore: 18 },
    { text: `用电人（签署人）：${shownName}` },
    { text: `签署时间：${chinaDateTime(new Date(p.signedAt ?? signed.at))}（北京时间）` },
    { text: `签署方式：在“万州办电”${METHOD_WORDS[p.method ?? ''] ?? '在线签署'}` },
    ...reassignedSince(c),
    { text: '合同摘要校验码', size: 13, gapBefore: 18 },
    { text: hash.slice(0, 32) },
    { text: hash.slice(32) },
    { text: DIGEST_EXPLAINED, gapBefore: 6 },
    {
      text: `本文件由万州办电根据在线签署记录于${chinaDateTime(reader.now)}生成，与在线签署的合同内容一致。` +
        (reader.viewer === 'owner' ? '用电人姓名完整显示，仅向申请人本人提供。' : '工作人员查看时，用电人姓名已脱敏。'),
      size: 9, gapBefore: 18,
    },
  ]
  return { file: textPdf(`${CONTRACT_TITLE} ${c.row.number}`, paragraphs), fileName: `contract-${c.row.number}.pdf` }
}

/** How a generated PDF is answered: opened by the reader (inline), never cached, nothing in it runs on this origin. */
export const pdfHeaders = (fileName: string): Record<string, string> => ({
  'content-type': 'application/pdf',
  'content-disposition': `inline; filename="${fileName}"`,
  'cache-control': 'no-store',
  'content-security-policy': 'sandbox; default-src \'none\'',
})
