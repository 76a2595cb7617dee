import type { Receipt } from '../../src/contract/applications'
import type { Service } from '../../src/core/services'
import type { Db } from '../db/open'

export interface ReceiptInput {
  number: string
  service: Service
  supplierName: string
  submittedAt: Date
  expected: { date: string; estimated: boolean }
  pendingReview: string[]
}

/** What happens next, stage by stage, in the applicant's words. */
function nextSteps(service: Service, expected: ReceiptInput['expected']): string[] {
  const stages = service.stages.map((s) => `${s.name}（${s.limitDays}个工作日内）：${s.description}`)
  const limit = `${service.totalLimitKind === 'average' ? '平均' : '最多'}${service.totalLimitDays}个工作日`
  const by = `预计${expected.date}前办结（${limit}）${expected.estimated ? '；该年节假日尚未公布，日期为预估' : ''}`
  return [...stages, service.afterSubmitting, by, '可在“我的申请”中随时查看办理进度']
}

export function buildReceipt(r: ReceiptInput): Receipt {
  return {
    number: r.number,
    serviceName: r.service.name,
    supplierName: r.supplierName,
    submittedAt: r.submittedAt.toISOString(),
    limitDays: r.service.totalLimitDays,
    limitKind: r.service.totalLimitKind,
    expectedBy: r.expected.date,
    expectedByEstimated: r.expected.estimated,
    feeYuan: r.service.feeYuan,
    pendingReview: r.pendingReview,
    nextSteps: nextSteps(r.service, r.expected),
  }
}

/** The receipt stored with an application, for its owner only. */
export function storedReceipt(db: Db, number: string, ownerId: string): Receipt | undefined {
  const row = db.prepare('SELECT receipt_json FROM application WHERE number = ? AND owner_id = ?').get(number, ownerId) as
    { receipt_json: string } | undefined
  return row ? (JSON.parse(row.receipt_json) as Receipt) : undefined
}
