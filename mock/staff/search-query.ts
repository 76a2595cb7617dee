// The staff search as SQL over application_search: what `q` is (exact identifiers, else a name prefix), and one
// condition per filter. Every condition is answerable from stored columns and indexes; "now" enters only as
// today's date and its working-day index.
import type { z } from 'zod'
import type { staffSearchQuery } from '../../src/contract/staff'
import type { SupplierCode } from '../../src/core/services'
import { checkCreditCode, checkIdNumber } from '../../src/core/validators'
import { fieldError } from '../http/app-error'
import { searchHash } from './applicant'

export type SearchQuery = z.output<typeof staffSearchQuery>
export type QueryKind = 'number' | 'joint' | 'mobile' | 'id-number' | 'credit-code' | 'name' | 'filter'

const CJK = /[\u3400-\u9fff]/
const NOT_UNDERSTOOD = '请输入申请编号、一件事编号、11位手机号、18位身份证号或统一社会信用代码，或者姓名、企业名称的开头（至少一个汉字）'

/** What the staff member typed: an application number, a mobile, an ID number, a credit code, or a name's start. */
export function queryKind(q: string | undefined, now: Date): { kind: QueryKind; value: string } {
  const value = (q ?? '').trim()
  if (!value) return { kind: 'filter', value }
  if (/^WZ\d{14}$/i.test(value)) return { kind: 'number', value: value.toUpperCase() }
  if (/^YJ\d{14}$/i.test(value)) return { kind: 'joint', value: value.toUpperCase() }
  if (/^1[3-9]\d{9}$/.test(value)) return { kind: 'mobile', value }
  if (value.length === 18) {
    const id = checkIdNumber(value, now)
    if (id.ok) return { kind: 'id-number', value: id.value }
    const code = checkCreditCode(value)
    if (code.ok) return { kind: 'credit-code', value: code.value }
  }
  if (CJK.test(value)) return { kind: 'name', value }
  throw fieldError('query.q', NOT_UNDERSTOOD)
}

export interface Sql {
  where: string
  /** positional (?) values, in order */
  params: unknown[]
  /** named (@name) values */
  named: Record<string, unknown>
}

/** The end of a prefix range: every string that starts with `p` sorts below p + U+FFFF. */
const prefix = (column: string, p: string): [string, unknown[]] => [`(${column} >= ? AND ${column} < ?)`, [p, `${p}\uffff`]]

function queryCondition(kind: QueryKind, value: string): [string, unknown[]] | undefined {
  switch (kind) {
    case 'number': return ['number = ?', [value]]
    // the cases of one 一件事 (each staff member still sees only their own enterprise's part)
    case 'joint': return ['number IN (SELECT number FROM application WHERE joint_number = ?)', [value]]
    case 'mobile': return ['mobile_hash = ?', [searchHash('mobile', value)]]
    case 'id-number': return ['id_hash = ?', [searchHash('id-number', value)]]
    case 'credit-code': return ['credit_code = ?', [value]]
    case 'name': {
      const parts = ['applicant_name', 'business_name', 'business_key'].map((c) => prefix(c, value))
      return [`(${parts.map(([sql]) => sql).join(' OR ')})`, parts.flatMap(([, p]) => p)]
    }
    default: return undefined
  }
}

const OPEN = 'closed_type IS NULL'
const NOT_OVERDUE = '(overdue_since IS NULL OR overdue_since > @today)'

/** The process states as deriveProgress ranks them: closed, then overdue, then paused, else in progress. */
function stateCondition(q: SearchQuery): string | undefined {
  switch (q.state) {
    case 'completed':
    case 'withdrawn':
    case 'rejected': return `closed_type = '${q.state}'`
    case 'overdue': return `${OPEN} AND overdue_since <= @today`
    case 'paused': return `${OPEN} AND paused = 1 AND ${NOT_OVERDUE}`
    case 'in-progress': return `${OPEN} AND paused = 0 AND ${NOT_OVERDUE}`
    // remaining working days within @within: running clocks by their due index, stopped ones as they stand
    case 'due-soon': return `${OPEN} AND ${NOT_OVERDUE} AND ((paused = 0 AND due_index <= @todayIndex + @within) OR (paused = 1 AND ceiling_days - used_days <= @within))`
    default: return undefined
  }
}

/** The WHERE clause for a search in these enterprises, on China date `today` (working-day index `todayIndex`). */
export function searchSql(q: SearchQuery, kind: QueryKind, value: string, suppliers: SupplierCode[], today: string, todayIndex: number): Sql {
  // With a query, its own index is far more selective than the enterprise: `+` keeps SQLite off the supplier index.
  const clauses: string[] = [`${kind === 'filter' ? '' : '+'}supplier IN (${suppliers.map(() => '?').join(', ')})`]
  const params: unknown[] = [...suppliers]
  const add = (sql: string, ...values: unknown[]) => { clauses.push(sql); params.push(...values) }
  const byQuery = queryCondition(kind, value)
  if (byQuery) add(byQuery[0], ...byQuery[1])
  if (q.service) add('service = ?', q.service)
  if (q.township) add('township_code = ?', q.township)
  if (q.stage) add(`${OPEN} AND current_stage = ?`, q.stage)
  if (q.from) add('submitted_day >= ?', q.from)
  if (q.to) add('submitted_day <= ?', q.to)
  const state = stateCondition(q)
  if (state) clauses.push(state)
  return { where: clauses.map((c) => `(${c})`).join(' AND '), params, named: { today, todayIndex, within: q.dueWithin ?? 2 } }
}
