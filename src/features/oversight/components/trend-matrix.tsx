import type { OversightTrend } from '@/contract/oversight'
import { providerByCode } from '@/core/providers'
import { days } from '../format'
import { DataTable, TableHead, TableBody, Row, Cell, CoveredCell } from '@/components/data-table'

/** Every indicator's 12 months in one compact table (the A4 report): a row per indicator and enterprise. */
export function TrendMatrix({ trend }: { trend: OversightTrend }) {
  return (
    <DataTable className='table trend-matrix'>
      <TableHead>
        <Row><Cell head>指标（单位）</Cell><Cell head>企业</Cell>{trend.months.map((m) => <Cell head key={m}>{m.slice(2).replace('-', '.')}</Cell>)}</Row>
      </TableHead>
      <TableBody>
        {trend.indicators.flatMap((i) => i.series.map((s, k) => (
          <Row key={`${i.code}/${s.provider}`} className={k === 0 ? 'oversight-table__group' : undefined}>
            {k === 0 ? <Cell head scope='row' rowSpan={i.series.length}>{i.name}（{i.unit === '个工作日' ? '天' : i.unit}）</Cell> : <CoveredCell />}
            <Cell className='trend-matrix__who'>{providerByCode(s.provider)?.shortName ?? s.name}</Cell>
            {s.values.map((v, m) => <Cell key={trend.months[m]}>{days(v)}</Cell>)}
          </Row>
        )))}
      </TableBody>
    </DataTable>
  )
}
