import { View, Text } from '@tarojs/components'
import type { OversightTrend } from '@/contract/oversight'
import { valueWithUnit } from '../format'
import { DataTable, TableHead, TableBody, Row, Cell } from '@/components/data-table'

type Indicator = OversightTrend['indicators'][number]

const COLOURS = ['trend__bar--a', 'trend__bar--b', 'trend__bar--c', 'trend__bar--d']

/**
 * One indicator over 12 months: a group of bars per month, one bar per enterprise (CSS only, no chart library),
 * the limit as a line, and every value written in the table below it.
 */
export function TrendChart({ indicator, months }: { indicator: Indicator; months: string[] }) {
  const all = indicator.series.flatMap((s) => s.values).filter((v): v is number => v !== null)
  const max = Math.max(1, indicator.target ?? 0, ...all) * 1.1
  const height = (v: number | null) => `${v === null ? 0 : Math.max(2, (v / max) * 100)}%`
  return (
    <View className='chart trend'>
      <Text className='chart__title'>{indicator.name}（近12个月）{indicator.target !== null ? `，时限/目标 ${valueWithUnit(indicator.target, indicator.unit)}` : ''}</Text>
      <View className='trend__legend'>
        {indicator.series.map((s, i) => <Text key={s.provider} className='trend__key'><Text className={`trend__swatch ${COLOURS[i % COLOURS.length]}`} />{s.name}</Text>)}
      </View>
      {all.length === 0 && <Text className='trend__empty'>近12个月没有可计算的数据（当月没有办结或评价时为“—”）</Text>}
      <View className='trend__plot' aria-hidden>
        {indicator.target !== null && <View className='trend__target' style={{ bottom: height(indicator.target) }} />}
        {months.map((m, k) => (
          <View key={m} className='trend__month'>
            <View className='trend__bars'>
              {indicator.series.map((s, i) => <View key={s.provider} className={`trend__bar ${COLOURS[i % COLOURS.length]}`} style={{ height: height(s.values[k]) }} />)}
            </View>
            <Text className='trend__label'>{m.slice(5)}</Text>
          </View>
        ))}
      </View>
      <DataTable className='table trend__table'>
        <TableHead><Row><Cell head>月份</Cell>{indicator.series.map((s) => <Cell head key={s.provider}>{s.name}</Cell>)}</Row></TableHead>
        <TableBody>
          {months.map((m, k) => (
            <Row key={m}><Cell>{m}</Cell>{indicator.series.map((s) => <Cell key={s.provider}>{valueWithUnit(s.values[k], indicator.unit)}</Cell>)}</Row>
          ))}
        </TableBody>
      </DataTable>
    </View>
  )
}
