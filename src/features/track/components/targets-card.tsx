import { View, Text } from '@tarojs/components'
import type { ApplicationDetail } from '@/contract/progress'
import './track.css'

const STATUS = { within: '在时限内', over: '已超出', unknown: '待确认', 'not-applicable': '不适用' } as const

/** The case against each target: the plan's and the newer national one (据报道), each with its own verdict. */
export function TargetsCard({ targets, usedDays }: { targets: ApplicationDetail['targets']; usedDays: number }) {
  return (
    <View className='app-card' role='region' aria-label='时限对照'>
      <Text className='app-card__title'>时限对照（本件已用{usedDays}个工作日）</Text>
      {targets.map((t) => (
        <View key={t.code} className='waiting__row'>
          <Text className='waiting__value'>{t.name}：{t.note}</Text>
          <Text className={`target__status target__status--${t.status}`}>{STATUS[t.status]}</Text>
        </View>
      ))}
    </View>
  )
}
