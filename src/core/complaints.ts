// Complaints made in the app, and where an applicant whose case is late turns, in order (domain.md section 13).
// A complaint is tracked like a case: received, answered by the staff of the case's enterprise, closed by the
// applicant. Its history is an append-only list of events; its state is folded from them. Pure data and functions.
import { chinaDate } from './calendar/china-date'
import { share } from './stats/summary'

/** Working days within which the enterprise answers an in-app complaint: a configured default, not a published rule. */
export const COMPLAINT_ANSWER_WORKING_DAYS = 5

export const COMPLAINT_STATES = {
  received: { name: '已受理，待供电企业答复', applicantMay: [] as const, staffMay: ['answer'] as const },
  answered: { name: '已答复', applicantMay: ['close'] as const, staffMay: [] as const },
  closed: { name: '已结束', applicantMay: [] as const, staffMay: [] as const },
} as const
export type ComplaintState = keyof typeof COMPLAINT_STATES
export const COMPLAINT_STATE_CODES = Object.keys(COMPLAINT_STATES) as [ComplaintState, ...ComplaintState[]]
/** Each event moves a complaint into the state of the same name. */
export const COMPLAINT_EVENT_TYPES = COMPLAINT_STATE_CODES
/** The state an action needs, and the state it leads to. */
export const COMPLAINT_ACTIONS = {
  answer: { from: 'received', to: 'answered' },
  close: { from: 'answered', to: 'closed' },
} as const satisfies Record<string, { from: ComplaintState; to: ComplaintState }>

export interface ComplaintEvent {
  complaintId: string
  type: ComplaintState
  at: string
  text: string | null
  /** on 'received': the China date the answer is due, and whether the calendar had to estimate it */
  answerDue: string | null
  answerDueEstimated: boolean
  /** who acted: the applicant, or the enterprise's staff (as 'staff:<username>') */
  actor: string
}

export interface Complaint {
  id: string
  state: ComplaintState
  text: string
  receivedAt: string
  answerDue: string
  answerDueEstimated: boolean
  answer: string | null
  answeredAt: string | null
  closedAt: string | null
}

/** The complaints of one case from their events (oldest first), newest complaint first. */
export function foldComplaints(events: ComplaintEvent[]): Complaint[] {
  const byId = new Map<string, Complaint>()
  for (const e of events) {
    if (e.type === 'received') {
      byId.set(e.complaintId, {
        id: e.complaintId, state: 'received', text: e.text ?? '', receivedAt: e.at, answerDue: e.answerDue ?? '', answerDueEstimated: e.answerDueEstimated,
        answer: null, answeredAt: null, closedAt: null,
      })
      continue
    }
    const c = byId.get(e.complaintId)
    if (!c) continue
    c.state = e.type
    if (e.type === 'answered') { c.answer = e.text; c.answeredAt = e.at } else c.closedAt = e.at
  }
  return [...byId.values()].reverse()
}

/** Whether an action may be taken on a complaint in its state. */
export const complaintAllows = (c: Complaint, action: keyof typeof COMPLAINT_ACTIONS) => c.state === COMPLAINT_ACTIONS[action].from

/** Not answered and past the day it was due (on `today`, a China date). */
export const answerOverdue = (c: Complaint, today: string) => c.answeredAt === null && c.answerDue < today

/** One complaint as the monthly figures count it. */
export interface ComplaintRecord {
  supplier: string
  receivedAt: string
  answerDue: string
  answeredAt: string | null
}

/**
 * The month's complaints: received, those whose answer is decided by `asOf` (answered by then, or past their due
 * day), answered on or before the due day, and that share.
 */
export function complaintFigures(records: ComplaintRecord[], asOf: Date) {
  const asOfIso = asOf.toISOString()
  const today = chinaDate(asOf)
  const judged = records.map((r) => {
    const answered = r.answeredAt !== null && r.answeredAt <= asOfIso
    return { due: answered || r.answerDue < today, inTime: answered && chinaDate(new Date(r.answeredAt as string)) <= r.answerDue }
  })
  const answersDue = judged.filter((j) => j.due).length
  const answeredInTime = judged.filter((j) => j.inTime).length
  return { received: records.length, answersDue, answeredInTime, answeredInTimeShare: share(answeredInTime, answersDue) }
}

/** Where an applicant whose case is late turns, in order; each is told the case number. */
export interface EscalationStep {
  code: 'utility' | 'district' | '12398' | '12345'
  title: string
  /** whom to call or where to go */
  contact: string
  what: string
}

/**
 * `signedIn`: the viewer is the applicant, signed in, with the in-app complaint below; someone tracking the case
 * with its number and a code (查询进度) has no complaint form, and is told how to get one.
 */
export function escalationSteps(provider: { name: string; contact: string }, signedIn = true): EscalationStep[] {
  const answered = `由${provider.name}在${COMPLAINT_ANSWER_WORKING_DAYS}个工作日内答复`
  return [
    {
      code: 'utility', title: `向${provider.name}催办`, contact: provider.contact,
      what: signedIn
        ? `在下方“在线投诉”留言，${answered}；也可拨打客服电话催办`
        : `拨打客服电话催办；申请人登录“万州办电”后，也可在本申请页“在线投诉”留言，${answered}`,
    },
    {
      code: 'district', title: '向万州区经济和信息化委员会反映', contact: '万州区经济和信息化委员会（区经信委）',
      what: '区经信委每月监督各供电企业的办电用时，供电企业答复后仍未解决的，可向其反映',
    },
    { code: '12398', title: '拨打12398能源监管热线', contact: '12398', what: '国家能源局受理供电服务投诉举报' },
    { code: '12345', title: '拨打12345政务服务便民热线', contact: '12345', what: '政府服务热线，受理各类政务服务诉求' },
  ]
}
