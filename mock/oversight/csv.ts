// The district's month as CSV for Excel (UTF-8 with a BOM, CRLF): one row per figure, one column per enterprise.
// Aggregates only: no case list, no personal data.
import type { EnterpriseMonth, OversightMonth } from '../../src/contract/oversight'
import { SERVICES } from '../../src/core/services'
import { csvLine, percent, type Cell } from '../staff/report-csv'

type Row = [string, (e: EnterpriseMonth) => Cell]

const ROWS: Row[] = [
  ['本月受理', (e) => e.received], ['本月办结', (e) => e.completed], ['在办（月末或当前）', (e) => e.inProgress], ['超时在办（月末或当前）', (e) => e.overdue],
  ...SERVICES.flatMap((s): Row[] => {
    const of = (e: EnterpriseMonth) => e.services.find((x) => x.service === s.code)
    const limit = `${s.totalLimitKind === 'average' ? '平均' : '最长'}${s.totalLimitDays}个工作日`
    return [
      [`${s.name}：时限`, () => limit], [`${s.name}：办结`, (e) => of(e)?.completed ?? 0],
      [`${s.name}：平均用时`, (e) => of(e)?.mean ?? null], [`${s.name}：中位数`, (e) => of(e)?.median ?? null],
      [`${s.name}：90分位（最近秩法）`, (e) => of(e)?.p90 ?? null], [`${s.name}：时限内占比`, (e) => percent(of(e)?.withinTargetShare ?? null)],
    ]
  }),
  ['暂停计时的办结申请', (e) => e.pauses.cases], ['平均暂停工作日', (e) => e.pauses.meanPausedDays],
  ['对暂停或补正的异议', (e) => e.disputes.count],
  ['主动服务邀请', (e) => e.leads.invited], ['主动服务邀请已申请', (e) => e.leads.accepted], ['主动服务邀请已谢绝', (e) => e.leads.declined],
  ['本月评价', (e) => e.ratings.count], ['满意率（4–5星）', (e) => percent(e.ratings.satisfiedShare)], ['平均星级', (e) => e.ratings.meanGrade],
  ['差评', (e) => e.ratings.bad], ['差评回访已到期或已完成', (e) => e.ratings.followUpsDue],
  ['其中15个工作日内回访', (e) => e.ratings.followedUpInTime], ['差评按期回访率', (e) => percent(e.ratings.followedUpInTimeShare)],
  ['开始申请（已填地址）', (e) => e.completion.started], ['其中已提交', (e) => e.completion.submitted], ['申请完成率', (e) => percent(e.completion.share)],
  ['全程电子证照办理', (e) => e.digital.eLicences], ['全程电子证照办理占比', (e) => percent(e.digital.share)],
  ['在线投诉', (e) => e.complaints.received], ['投诉答复已到期或已答复', (e) => e.complaints.answersDue],
  ['其中按期答复', (e) => e.complaints.answeredInTime], ['投诉按期答复率', (e) => percent(e.complaints.answeredInTimeShare)],
]

export const districtCsvName = (month: string) => `wanzhou-district-${month}.csv`

export function districtCsv(m: OversightMonth): string {
  const lines = [
    ['万州区获得电力月度监督', m.month], ['统计时点', m.at],
    ['指标', ...m.enterprises.map((e) => e.name)],
    ...ROWS.map(([label, value]) => [label, ...m.enterprises.map(value)]),
  ].map(csvLine)
  return `\uFEFF${lines.join('\r\n')}\r\n`
}
