import { useEffect, useState } from 'react'
import { View, Text } from '@tarojs/components'
import type { PublicTimes } from '@/contract/oversight'
import { SERVICES } from '@/core/services'
import { COMPLAINT_ANSWER_WORKING_DAYS } from '@/core/complaints'
import { PageRoot } from '@/components/page-root'
import { ApiError } from '@/lib/http/api-error'
import { loadPublicTimes } from '@/features/transparency/api'
import { DataTable, TableHead, TableBody, Row, Cell } from '@/components/data-table'
import './times.css'

type Row = PublicTimes['rows'][number]
type Cell = Row['cells'][number]

const pct = (v: number | null) => (v === null ? '—' : `${Math.round(v * 100)}%`)
const num = (v: number | null) => (v === null ? '—' : Number.isInteger(v) ? String(v) : v.toFixed(1))

/** A share with its base ('开始6件，83%'), or why it is not published. */
const shareOf = (base: number | null, share: number | null, what: string, min: number) =>
  (base === null ? `不足${min}件，不公布` : `${pct(share)}（${what}${base}件）`)

/** One month's line: a suppressed month says why, an over-promise figure says so in words. */
function MonthRow({ cell, row, min }: { cell: Cell; row: Row; min: number }) {
  if (cell.suppressed) {
    return <Row><Cell>{cell.month}</Cell><Cell colSpan={4} className='times-table__hidden'>不足{min}件，不公布</Cell></Row>
  }
  const over = (v: number | null) => row.promise.kind === 'max' && v !== null && v > row.promise.days
  return (
    <Row>
      <Cell>{cell.month}</Cell><Cell>{cell.completed}件</Cell>
      <Cell className={over(cell.median) ? 'times-table__over' : undefined}>{num(cell.median)}{over(cell.median) ? '（超承诺）' : ''}</Cell>
      <Cell className={over(cell.p90) ? 'times-table__over' : undefined}>{num(cell.p90)}{over(cell.p90) ? '（超承诺）' : ''}</Cell>
      <Cell>{pct(cell.withinLimitShare)}</Cell>
    </Row>
  )
}

/**
 * For anyone, signed in or not: what each supply enterprise really achieved, per service, over the last 12 complete
 * months, beside what was promised. Small cells are not published.
 */
export default function PublicTimesPage() {
  const [t, setT] = useState<PublicTimes | null>(null)
  const [service, setService] = useState<string>('lv-business')
  const [error, setError] = useState('')
  useEffect(() => {
    loadPublicTimes().then(setT).catch((e: unknown) => setError(e instanceof ApiError ? e.message : '加载失败，请稍后重试'))
  }, [])

  return (
    <PageRoot className='times-page' busy={!t && !error}>
      <View className='times-title' role='heading' aria-level={1}>办电用时公示</View>
      <Text className='times-line'>各供电企业近12个月实际办结的接电用时（工作日，从提交申请到装表接电，暂停计时的天数不计），与承诺时限并列。</Text>
      {error && <View className='notice' role='alert'>{error}</View>}
      {t && (
        <View>
          <Text className='times-line'>统计期：{t.months[0]} 至 {t.months[t.months.length - 1]}；每日更新（本次 {t.generatedAt.slice(0, 10)}）。当月办结不足{t.minCases}件的不公布，以免识别到个人。</Text>
          <View className='times-chips' role='radiogroup' aria-label='选择业务'>
            {SERVICES.map((s) => (
              <View key={s.code} role='radio' aria-checked={service === s.code} className={`times-chip${service === s.code ? ' times-chip--on' : ''}`} onClick={() => setService(s.code)}>{s.shortName}</View>
            ))}
          </View>
          {t.rows.filter((r) => r.service === service).map((r) => (
            <View key={r.provider} className='times-card'>
              <Text className='times-card__title'>{r.providerName} · {r.serviceName}</Text>
              <Text className='times-card__promise'>承诺：{r.promise.text}　近12个月办结：{r.completedTotal === null ? `不足${t.minCases}件` : `${r.completedTotal}件`}</Text>
              <DataTable className='times-table'>
                <TableHead><Row><Cell head>月份</Cell><Cell head>办结</Cell><Cell head>中位数</Cell><Cell head>90%分位</Cell><Cell head>时限内</Cell></Row></TableHead>
                <TableBody>{[...r.cells].reverse().map((c) => <MonthRow key={c.month} cell={c} row={r} min={t.minCases} />)}</TableBody>
              </DataTable>
            </View>
          ))}
          <View className='times-card times-service'>
            <Text className='times-card__title'>服务情况（近12个月）</Text>
            <Text className='times-line'>完成率：开始申请（已填写地址）后提交的比例；电子证照：身份证明和产权证明全部使用渝快办电子证照、无需拍照上传的申请比例；投诉：在线投诉在{COMPLAINT_ANSWER_WORKING_DAYS}个工作日内答复的比例。</Text>
            <DataTable className='times-table'>
              <TableHead><Row><Cell head>供电企业</Cell><Cell head>申请完成率</Cell><Cell head>电子证照办理</Cell><Cell head>投诉按期答复</Cell></Row></TableHead>
              <TableBody>
                {t.enterprises.map((e) => (
                  <Row key={e.provider}>
                    <Cell>{e.providerName}</Cell>
                    <Cell>{shareOf(e.completion.started, e.completion.share, '开始', t.minCases)}</Cell>
                    <Cell>{shareOf(e.digital.received, e.digital.share, '受理', t.minCases)}</Cell>
                    <Cell>{e.complaints.received === null ? `投诉不足${t.minCases}件，不公布` : `${e.complaints.received}件投诉，${e.complaints.answeredInTimeShare === null ? `到期不足${t.minCases}件` : pct(e.complaints.answeredInTimeShare)}`}</Cell>
                  </Row>
                ))}
              </TableBody>
            </DataTable>
          </View>
          <View className='times-card'>
            <Text className='times-card__title'>满意度（近12个月“好差评”）</Text>
            <DataTable className='times-table'>
              <TableHead><Row><Cell head>供电企业</Cell><Cell head>评价数</Cell><Cell head>满意率</Cell><Cell head>差评按期回访</Cell></Row></TableHead>
              <TableBody>
                {t.satisfaction.map((s) => (
                  <Row key={s.provider}>
                    <Cell>{s.providerName}</Cell>
                    {s.suppressed ? <Cell colSpan={3} className='times-table__hidden'>不足{t.minCases}件，不公布</Cell> : <>
                      <Cell>{s.ratings}件</Cell><Cell>{pct(s.satisfiedShare)}</Cell><Cell>{s.followedUpInTimeShare === null ? `不足${t.minCases}件` : pct(s.followedUpInTimeShare)}</Cell>
                    </>}
                  </Row>
                ))}
              </TableBody>
            </DataTable>
          </View>
        </View>
      )}
    </PageRoot>
  )
}
