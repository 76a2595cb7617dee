/**
 * Contract constants the app needs at run time. Kept free of zod so importing them adds only these bytes;
 * the schema files import from here.
 */

/** Version of the personal-information notice; bump when its text changes, and users are asked again. */
export const CONSENT_VERSION = '2026-11-v1'

export { USE_LABELS, USE_CODES, type UseCode } from '../core/uses'

/** Header carrying the client's idempotency key on submit. */
export const IDEMPOTENCY_HEADER = 'Idempotency-Key'

/** The word beside each state: colour is never the only signal. */
export const STATE_WORDS = {
  'not-started': '未开始', 'in-progress': '进行中', paused: '已暂停', done: '已完成', overdue: '已超时',
  completed: '已办结', withdrawn: '已撤回', rejected: '不予受理',
} as const
export type StateWordKey = keyof typeof STATE_WORDS

/** 好差评 (State Council, 2019): five official grades and the online indicators. */
export const RATING_GRADES = { 5: '非常满意', 4: '满意', 3: '基本满意', 2: '不满意', 1: '非常不满意' } as const
export const RATING_INDICATORS = ['整体满意度', '办事效率', '办事指南精确度', '办事便捷度', '平台操作性'] as const

/** The applicant's two answers to a pause or 补正 they dispute. */
export const DISPUTE_KINDS = { done: '我已提交', 'not-mine': '这不是我的原因' } as const

/** Files one 补正 or checkpoint material may have. */
export const MAX_FILES_PER_MATERIAL = 5

/** Whether a material of this status can be attached to an application (a photo awaits staff, a licence must be current). */
const USABLE = { current: true, unverified: true, cancelled: false, expired: false } as const
export const isUsable = (view: { status: keyof typeof USABLE }): boolean => USABLE[view.status]
