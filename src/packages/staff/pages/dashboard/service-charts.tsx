import { View, Text } from '@tarojs/components'
import type { Dashboard } from '@/contract/staff'
import { Bar } from '@/features/staff/components/bar'

/** Per service: mean, median and 90th percentile of whole-process working days against the target. */
export function ServiceCharts({ services }: { services: Dashboard['services'] }) {
  return (
    <>
      {services.map((s) => {
        const max = Math.max(s.target * 1.5, s.p90 ?? 0, s.mean ?? 0)
        const over = (v: number | null) => v !== null && v > s.target
        return (
          <View className='chart' key={s.service}>
            <Text className='chart__title'>{s.name}：目标{s.targetKind === 'average' ? '平均' : ''}≤{s.target}个工作日（本月办结{s.completed}件）</Text>
            {s.completed === 0 ? <Text className='staff-line'>本月没有办结的案件，暂无用时统计</Text> : <>
            <Bar label='平均用时' value={s.mean} max={max} target={s.target} unit='个工作日' over={over(s.mean)} />
            <Bar label='中位数' value={s.median} max={max} target={s.target} unit='个工作日' over={s.targetKind === 'max' && over(s.median)} />
            <Bar label='90%分位' value={s.p90} max={max} target={s.target} unit='个工作日' over={s.targetKind === 'max' && over(s.p90)} />
            <Bar label='在目标内的比例' value={s.withinTargetShare === null ? null : Math.round(s.withinTargetShare * 100)} max={100} unit='%' />
            </>}
          </View>
        )
      })}
    </>
  )
}
