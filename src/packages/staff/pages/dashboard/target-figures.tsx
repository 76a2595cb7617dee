import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import type { Dashboard } from '@/contract/staff'
import { Bar } from '@/features/staff/components/bar'

/**
 * The month's completed cases read against one target at a time (the plan's 7/28, or the national 5/15 据报道):
 * per service the share within it, and how many cannot be judged yet or are not held to it.
 */
export function TargetFigures({ targets }: { targets: Dashboard['targets'] }) {
  const [code, setCode] = useState(targets[0]?.code)
  const t = targets.find((x) => x.code === code) ?? targets[0]
  if (!t) return null
  return (
    <View className='chart' role='region' aria-label='按目标对照'>
      <Text className='chart__title'>按目标对照（本月办结）</Text>
      <View className='chips no-print'>
        {targets.map((x) => (
          <View key={x.code} role='radio' aria-checked={x.code === t.code} className={`chip${x.code === t.code ? ' chip--on' : ''}`} onClick={() => setCode(x.code)}>{x.name}</View>
        ))}
      </View>
      {t.reported && <Text className='staff-line'>该目标据报道，待核实原文后确认</Text>}
      {t.services.map((s) => (s.within + s.over + s.unknown + s.notApplicable === 0 ? (
        <Text key={s.service} className='staff-line'>{s.name}：本月没有办结的案件</Text>
      ) : (
        <View key={s.service}>
          <Bar label={`${s.name}：在时限内${s.within}件，超出${s.over}件`} value={s.withinShare === null ? null : Math.round(s.withinShare * 100)} max={100} unit='%' over={s.over > 0} />
          {(s.unknown > 0 || s.notApplicable > 0) && (
            <Text className='staff-line'>{[s.unknown > 0 && `待确认是否需要外部线路工程${s.unknown}件`, s.notApplicable > 0 && `不适用该目标${s.notApplicable}件`].filter(Boolean).join('；')}</Text>
          )}
        </View>
      )))}
    </View>
  )
}
