import type { OversightTrend } from '@/contract/oversight'
import { providerByCode } from '@/core/providers'
import { days } from '../format'

/** Every indicator's 12 months in one compact table (the A4 report): a row per indicator and enterprise. */
export function TrendMatrix({ trend }: { trend: OversightTrend }) {
  return (
    <table className='table trend-matrix'>
      <thead>
        <tr><th>指标（单位）</th><th>企业</th>{trend.months.map((m) => <th key={m}>{m.slice(2).replace('-', '.')}</th>)}</tr>
      </thead>
      <tbody>
        {trend.indicators.flatMap((i) => i.series.map((s, k) => (
          <tr key={`${i.code}/${s.provider}`} className={k === 0 ? 'oversight-table__group' : undefined}>
            {k === 0 && <th scope='row' rowSpan={i.series.length}>{i.name}（{i.unit === '个工作日' ? '天' : i.unit}）</th>}
            <td className='trend-matrix__who'>{providerByCode(s.provider)?.shortName ?? s.name}</td>
            {s.values.map((v, m) => <td key={trend.months[m]}>{days(v)}</td>)}
          </tr>
        )))}
      </tbody>
    </table>
  )
}
