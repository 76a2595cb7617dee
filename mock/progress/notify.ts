// What the applicant is told, and how: a WeChat subscribe message when they accepted one for this case, else an
// SMS to the contact mobile (through the SMS outbox, mock/sms). Every notice is recorded in `notification`; the
// mock sends no WeChat message, and no SMS to an enterprise's duty desk (it has no number for one).
import { maskMobile } from '../../src/core/masking'
import { pauseReason, stageName, type ProgressEvent } from '../../src/core/progress'
import { askedMaterials } from './timeline'
import { supplierName, type Service } from '../../src/core/services'
import type { Db } from '../db/open'
import { contactMobile, type ApplicationRow } from './case'
import { enqueueSms } from '../sms/outbox'

export interface Notice {
  number: string
  kind: 'wechat-subscribe' | 'sms'
  template: string
  text: string
}

const due = (e: Pick<ProgressEvent, 'payload'>) => (typeof e.payload.dueBy === 'string' ? `，期限${e.payload.dueBy}` : '')

const NOTIFY: Record<string, (name: string, opinion: string, e: Pick<ProgressEvent, 'payload'>, service: Service) => string> = {
  submitted: (_name, _opinion, _e, service) => `已提交，${service.name}承诺${service.totalLimitKind === 'average' ? '平均' : ''}${service.totalLimitDays}个工作日内办结，进度可在“我的申请”中查看`,
  'stage-started': (name) => `${name}环节已开始办理`,
  'stage-finished': (name) => `${name}环节已完成`,
  'supplement-requested': (_name, opinion, e) => `需要补正材料：${askedMaterials(e) || opinion || '请按要求补正'}${due(e)}，请在“我的申请”中提交；如不是您的原因，可在页面上提出异议`,
  paused: (name, _opinion, e) => {
    const reason = pauseReason(e.payload.pauseReason)
    return `${name}环节暂停计时（${reason?.name ?? '未写明原因'}）${reason ? `，等待${reason.awaited}` : ''}${due(e)}；如不是您的原因，可在“我的申请”中提出异议`
  },
  completed: () => '已办结，欢迎对本次服务进行评价',
  rejected: (_name, opinion) => `不予受理${opinion ? `：${opinion}` : ''}`,
}

/** Records the template ids the applicant accepted (one message each, as WeChat's one-time subscriptions). */
export function subscribe(db: Db, row: ApplicationRow, accepted: string[], at: Date): string[] {
  const insert = db.prepare('INSERT INTO subscription (application_number, owner_id, template_id, accepted_at) VALUES (?, ?, ?, ?)')
  const unique = [...new Set(accepted)]
  for (const id of unique) insert.run(row.number, row.owner_id, id, at.toISOString())
  return unique
}

function takeSubscription(db: Db, number: string, at: Date): string | undefined {
  const sub = db.prepare('SELECT id, template_id FROM subscription WHERE application_number = ? AND used_at IS NULL ORDER BY id LIMIT 1')
    .get(number) as { id: number; template_id: string } | undefined
  if (sub) db.prepare('UPDATE subscription SET used_at = ? WHERE id = ?').run(at.toISOString(), sub.id)
  return sub?.template_id
}

/** Queues the notice an event calls for, if any; returns it for the (masked) log. */
export function queueNotice(db: Db, row: ApplicationRow, service: Service, e: Pick<ProgressEvent, 'type' | 'stage' | 'payload'>, at: Date): Notice | undefined {
  const say = NOTIFY[e.type]
  if (!say) return undefined
  const opinion = typeof e.payload.opinion === 'string' ? e.payload.opinion : ''
  const text = `您的用电申请${row.number}：${say(stageName(service, e.stage), opinion, e, service)}`
  const template = takeSubscription(db, row.number, at)
  const mobile = contactMobile(row)
  const notice: Notice = template
    ? { number: row.number, kind: 'wechat-subscribe', template, text }
    : { number: row.number, kind: 'sms', template: `sms-${e.type}`, text }
  const payload = notice.kind === 'sms' ? { to: mobile ? maskMobile(mobile) : null, text } : { text }
  db.prepare('INSERT INTO notification (application_number, kind, template, created_at, payload_json) VALUES (?, ?, ?, ?, ?)')
    .run(row.number, notice.kind, notice.template, at.toISOString(), JSON.stringify(payload))
  if (notice.kind === 'sms' && mobile) enqueueSms(db, { number: row.number, template: notice.template, to: mobile, text: `【万州办电】${text}` }, at)
  return notice
}

/**
 * Tells the enterprise's handling unit (承办单位) by an SMS to its duty desk, as the demo shows: staff urged a case
 * ('sms-urged-unit'), or the applicant disputed a pause ('sms-disputed-unit'). `message` follows the number.
 */
export function notifyHandlingUnit(db: Db, row: ApplicationRow, message: string, at: Date, template = 'sms-urged-unit'): Notice {
  const unit = `${supplierName(row.supplier)}承办单位`
  const text = `【万州办电】申请${row.number}${message}`
  db.prepare("INSERT INTO notification (application_number, kind, template, created_at, payload_json) VALUES (?, 'sms', ?, ?, ?)")
    .run(row.number, template, at.toISOString(), JSON.stringify({ to: unit, text }))
  return { number: row.number, kind: 'sms', template, text }
}
