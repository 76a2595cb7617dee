import type { EnterpriseMonth, OversightMonth } from '@/contract/oversight'
import { SERVICES } from '@/core/services'
import { days, pct } from '../format'
import { DataTable, TableHead, TableBody, Row, Cell } from '@/components/data-table'

type Row = { label: string; value: (e: EnterpriseMonth) => string; alert?: (e: EnterpriseMonth) => boolean; group?: boolean }

const svc = (e: EnterpriseMonth, code: string) => e.services.find((s) => s.service === code)

/** Every figure of the month, one column per enterprise. */
const ROWS: Row[] = [
  { label: '本月受理', value: (e) => `${e.received}件` },
  { label: '本月办结', value: (e) => `${e.completed}件` },
  { label: '在办（月末或当前）', value: (e) => `${e.inProgress}件` },
  { label: '超时在办', value: (e) => `${e.overdue}件`, alert: (e) => e.overdue > 0 },
  ...SERVICES.flatMap((s): Row[] => [
    { label: `${s.name}（${s.totalLimitKind === 'average' ? '平均' : '最长'}${s.totalLimitDays}个工作日）`, value: (e) => `办结${svc(e, s.code)?.completed ?? 0}件`, group: true },
    { label: '平均 / 中位数 / 90%分位', value: (e) => { const x = svc(e, s.code); return x ? `${days(x.mean)} / ${days(x.median)} / ${days(x.p90)}` : '—' } },
    { label: '时限内占比', value: (e) => pct(svc(e, s.code)?.withinTargetShare ?? null), alert: (e) => (svc(e, s.code)?.withinTargetShare ?? 1) < 1 },
  ]),
  { label: '暂停计时的办结件 / 平均暂停', value: (e) => `${e.pauses.cases}件 / ${days(e.pauses.meanPausedDays)}天`, group: true },
  { label: '对暂停或补正的异议', value: (e) => `${e.disputes.count}次` },
  { label: '主动服务邀请 / 已申请 / 已谢绝', value: (e) => `${e.leads.invited}件 / ${e.leads.accepted}件 / ${e.leads.declined}件`, group: true },
  { label: '评价 / 满意率（4–5星）', value: (e) => `${e.ratings.count}件 / ${pct(e.ratings.satisfiedShare)}`, group: true },
  { label: '差评 / 15个工作日内回访', value: (e) => `${e.ratings.bad}件 / ${e.ratings.followedUpInTime}件（已到期${e.ratings.followUpsDue}件）` },
  { label: '差评按期回访率', value: (e) => pct(e.ratings.followedUpInTimeShare), alert: (e) => (e.ratings.followedUpInTimeShare ?? 1) < 1 },
  { label: '开始申请 / 已提交（完成率）', value: (e) => `${e.completion.started}件 / ${e.completion.submitted}件（${pct(e.completion.share)}）`, group: true },
  { label: '全程电子证照办理', value: (e) => `${e.digital.eLicences}件 / ${e.digital.received}件（${pct(e.digital.share)}）` },
  { label: '在线投诉 / 按期答复', value: (e) => `${e.complaints.received}件 / ${e.complaints.answeredInTime}件（已到期${e.complaints.answersDue}件）`, group: true },
  { label: '投诉按期答复率', value: (e) => pct(e.complaints.answeredInTimeShare), alert: (e) => (e.complaints.answeredInTimeShare ?? 1) < 1 },
]

/** The month's figures as a table, enterprises side by side (screen and print). */
export function SideBySide({ month }: { month: OversightMonth }) {
  return (
    <DataTable className='table oversight-table'>
      <TableHead><Row><Cell head>指标</Cell>{month.enterprises.map((e) => <Cell head key={e.provider}>{e.name}</Cell>)}</Row></TableHead>
      <TableBody>
        {ROWS.map((r) => (
          <Row key={r.label} className={r.group ? 'oversight-table__group' : undefined}>
            <Cell head scope='row'>{r.label}</Cell>
            {month.enterprises.map((e) => {
              const alert = r.alert?.(e) ?? false
              return <Cell key={e.provider} className={alert ? 'oversight-table__alert' : undefined}>{r.value(e)}{alert ? '（需关注）' : ''}</Cell>
            })}
          </Row>
        ))}
      </TableBody>
    </DataTable>
  )
}
