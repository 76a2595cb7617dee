// 小微企业认定 as staff read it on the case: the registry's recorded answer with its basis and time, or 待核验 with
// why and when the next attempt is. Nothing personal: a business's register entry and our attempts at reading it.
import type { StaffCaseDetail } from '../../src/contract/staff'
import { EVENT_TYPES, type ProgressEvent } from '../../src/core/progress'
import { isSmallMicroResult, SMALL_MICRO_PENDING, SMALL_MICRO_RESULTS, SMALL_MICRO_RULE, smallMicroName } from '../../src/core/small-micro'
import type { Db } from '../db/open'
import { owedCheckOf } from './owed'

/** Whether this deployment can ask the registry; when it cannot, why (shown with every 待核验). */
export type SmeReach = { connected: true } | { connected: false; reason: string }

export const NOT_CONNECTED: SmeReach = {
  connected: false,
  reason: '本系统未接入国家小微企业名录查询（未配置 SME_REGISTRY_URL），请对照营业执照和国家企业信用信息公示系统人工核验',
}

const text = (v: unknown) => (typeof v === 'string' && v.trim() ? v : null)

export function smallMicroOf(db: Db, number: string, events: ProgressEvent[], reach: SmeReach): StaffCaseDetail['smallMicro'] {
  const owed = owedCheckOf(db, number)
  const answer = events.filter((e) => e.type === EVENT_TYPES.smallMicroChecked).at(-1)
  const result = answer?.payload.smallMicro
  if (answer && isSmallMicroResult(result)) {
    return {
      status: result, name: smallMicroName(result), note: SMALL_MICRO_RESULTS[result].note, rule: SMALL_MICRO_RULE, basis: text(answer.payload.basis), source: text(answer.payload.registrySource),
      registryDate: text(answer.payload.registryDate), checkedAt: answer.at, pending: null,
    }
  }
  if (!owed) return null
  const pending = reach.connected
    ? { reason: owed.last_error ?? '提交时已登记，正在向国家小微企业名录查询', attempts: owed.attempts, nextAttemptAt: owed.next_attempt_at }
    : { reason: reach.reason, attempts: owed.attempts, nextAttemptAt: null }
  return {
    status: SMALL_MICRO_PENDING.code, name: SMALL_MICRO_PENDING.name, note: null, rule: SMALL_MICRO_RULE, basis: null, source: null, registryDate: null, checkedAt: null, pending,
  }
}
