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
        <View key={t.code}>
          <View className='waiting__row'>
            <Text className='waiting__value'>{t.name}：{t.note}</Text>
            <Text className={`target__status target__status--${t.status}`}>{STATUS[t.status]}</Text>
          </View>
          {t.kind === 'average' && t.days !== null && (
            <Text className='app-card__line'>
              {t.average
                ? `${t.average.supplierName}近12个月（${t.average.since}起）同类办结${t.average.cases}件，平均${t.average.days}个工作日，${t.average.days > t.days ? '高于' : '未超过'}平均${t.days}个工作日的目标`
                : `平均不超过${t.days}个工作日按供电企业同类办结申请计算，近12个月尚无办结`}
            </Text>
          )}
        </View>
      ))}
    </View>
  )
}
