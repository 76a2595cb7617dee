import { View, Text } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { JointView } from '@/contract/progress'
import { STATE_WORDS } from '@/contract/constants'
import { isClosedState } from '@/core/progress'
import { daysLeftText } from '@/features/track/days-left'
import './joint.css'

type Part = JointView['parts'][number]

/** What a part's column says now: the utility has not taken it yet (接收中), or its state and clock. */
export function partStatus(p: Part): string {
  if (p.delivery === 'receiving') return '接收中'
  if (p.delivery === 'refused') return '企业暂未接收，工作人员正在处理'
  // a running case says its state too (进行中 or 已暂停) before its days
  return isClosedState(p.state) || p.remainingDays < 0 ? daysLeftText(p) : `${STATE_WORDS[p.state]}，${daysLeftText(p)}`
}

/** The 一件事 on a case's page: each utility's case side by side, done when all are; tap one to open it (signed in). */
export function JointCard({ joint, current, linkable }: { joint: JointView; current: string; linkable: boolean }) {
  const done = joint.parts.filter((p) => p.state === 'completed').length
  return (
    <View className='joint-part' role='group' aria-label='一件事'>
      <View className='joint-part__title' role='heading' aria-level={2}>一件事 {joint.number}</View>
      <Text className='joint-part__row'>{done === joint.parts.length ? '全部办结' : `共${joint.parts.length}项，已办结${done}项`}</Text>
      <View className='joint-grid' role='list' aria-label='各项业务进度'>
        {joint.parts.map((p) => (
          <View key={p.number} role='listitem' className={`joint-grid__cell${p.number === current ? ' joint-grid__cell--current' : ''}`}
            aria-label={`${p.serviceName}，${partStatus(p)}`}
            onClick={() => { if (linkable && p.number !== current) void Taro.redirectTo({ url: `/packages/track/pages/detail/index?number=${p.number}` }) }}>
            <Text className='joint-grid__service'>{p.serviceName}{p.number === current ? '（本页）' : ''}</Text>
            <Text className='joint-grid__line'>{p.supplierName}</Text>
            <Text className='joint-grid__line'>{p.currentStageName ? `当前：${p.currentStageName}` : ' '}</Text>
            <Text className='joint-grid__line'>已用{p.usedDays}/{p.limitDays}个工作日</Text>
            <Text className={`joint-grid__state${p.delivery === 'receiving' ? ' joint-grid__state--waiting' : ''}`}>{partStatus(p)}</Text>
          </View>
        ))}
      </View>
    </View>
  )
}
