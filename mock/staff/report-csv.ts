// The monthly report as CSV for Excel: UTF-8 with a BOM, CRLF lines; the dashboard's figures, a blank line, then
// the month's cases. No personal data at all: numbers, services, places, dates and working days.
import { RATING_GRADES, STATE_WORDS } from '../../src/contract/constants'
import type { Dashboard } from '../../src/contract/staff'
import type { Calendar } from '../../src/core/calendar/calendar'
import { supplierName } from '../../src/core/services'
import { townshipByCode } from '../../src/core/wanzhou'
import type { ReportRow } from './report'
import { rowClock, serviceOfRow } from './search'

export type Cell = string | number | null

/** Quotes when needed; a text cell that a spreadsheet would run as a formula starts with an apostrophe. */
function cell(value: Cell): string {
  if (value === null) return ''
  const text = typeof value === 'number' ? String(value) : /^[=+\-@\t\r]/.test(value) ? `'${value}` : value
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

export const csvLine = (cells: Cell[]) => cells.map(cell).join(',')
export const percent = (share: number | null) => (share === null ? null : `${(share * 100).toFixed(1)}%`)
/** China local time, to the minute. */
const local = (iso: string | null) => (iso ? new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ') : null)

export const reportFileName = (d: Dashboard) => `wanzhou-${d.supplier ?? 'all'}-${d.month}.csv`

function summary(d: Dashboard): Cell[][] {
  const supplier = d.supplier ? supplierName(d.supplier) || d.supplier : '全部（两家供电企业）'
  return [
    ['万州办电月度报告', d.month], ['供电企业', supplier],
    ['本月受理', d.received], ['本月办结', d.completed], ['在办（月末或当前）', d.inProgress], ['超时在办（月末或当前）', d.overdue],
    ['业务', '时限（工作日）', '时限性质', '本月办结', '平均用时', '中位数', '90分位（最近秩法）', '时限内占比'],
    ...d.services.map((s) => [s.name, s.target, s.targetKind === 'average' ? '平均' : '最长', s.completed, s.mean, s.median, s.p90, percent(s.withinTargetShare)]),
    ['按目标对照（本月办结）', '业务', '在时限内', '超出', '待确认外部线路工程', '不适用', '时限内占比'],
    ...d.targets.flatMap((t) => t.services.map((s) => [t.name, s.name, s.within, s.over, s.unknown, s.notApplicable, percent(s.withinShare)])),
    ['最慢环节', '业务', '平均用时', '环节时限', '超时限占比'],
    ...d.slowestStages.map((s) => [s.name, serviceOfRow(s).name, s.meanDays, s.limitDays, percent(s.overLimitShare)]),
    ['暂停计时的办结申请', d.pauses.cases], ['平均暂停工作日', d.pauses.meanPausedDays],
    ['对暂停或补正的异议', d.disputes.count], ['其中“这不是我的原因”', d.disputes.notMine],
    ['本月评价', d.ratings.count],
    ...Object.entries(RATING_GRADES).reverse().map(([grade, word]) => [`评价：${word}`, d.ratings.distribution[grade] ?? 0]),
    ['差评回访', '申请编号', '评价', '回访期限', '状态'],
    ...d.ratings.followUps.map((f) => ['', f.number, f.grade, `${f.deadline}${f.estimated ? '（估算）' : ''}`, f.closed ? '已回访' : '待回访']),
  ]
}

function caseLines(rows: ReportRow[], now: Date, calendar: Calendar): Cell[][] {
  const head = ['申请编号', '业务', '乡镇（街道）', '提交时间', '办结时间', '状态（导出时）', '已用/时限（工作日）', '暂停（工作日）', '是否超时', '预计办结（未办结时）']
  return [head, ...rows.map((r) => {
    const clock = rowClock(r, now, calendar)
    return [
      r.number, serviceOfRow(r).name, townshipByCode(r.township_code)?.name ?? '', local(r.submitted_at),
      r.closed_type === 'completed' ? local(r.closed_at) : null, STATE_WORDS[clock.state], `${clock.usedDays}/${r.limit_days}`,
      clock.pausedDays, clock.usedDays > r.ceiling_days ? '是' : '否',
      r.closed_type ? null : `${clock.expectedBy}${calendar.hasYear(Number(clock.expectedBy.slice(0, 4))) ? '' : '（估算）'}`,
    ]
  })]
}

export function reportCsv(d: Dashboard, rows: ReportRow[], now: Date, calendar: Calendar): string {
  const lines = [...summary(d), [], ...caseLines(rows, now, calendar)].map(csvLine)
  return `\uFEFF${lines.join('\r\n')}\r\n`
}
