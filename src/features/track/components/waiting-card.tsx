import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import { TextArea } from '@/components/form/text-area'
import { Button } from '@nutui/nutui-react-taro'
import type { Waiting } from '@/contract/progress'
import { DISPUTE_KINDS } from '@/contract/constants'
import '@/features/apply/components/licences/licences.css'
import './track.css'

export interface WaitingCardProps {
  waiting: Waiting
  /** the server allows a dispute now */
  canDispute: boolean
  busy: boolean
  error: string
  onDispute: (kind: keyof typeof DISPUTE_KINDS, note: string) => void
}

const DISPUTED = { done: '您已告知“我已提交”', 'not-mine': '您已告知“这不是我的原因”' } as const

/**
 * While the clock stands: what is awaited, from whom, by when and what to do; and one tap to say 我已提交 or
 * 这不是我的原因 (with an optional note), which goes to staff.
 */
export function WaitingCard({ waiting: w, canDispute, busy, error, onDispute }: WaitingCardProps) {
  const [note, setNote] = useState('')
  return (
    <View className='app-card waiting' role='region' aria-label={w.title}>
      <Text className='app-card__title'>{w.title}</Text>
      {w.materials.length === 0 && <View className='waiting__row'><Text className='waiting__key'>等待</Text><Text className='waiting__value'>{w.awaited}</Text></View>}
      {w.materials.map((m) => (
        <View key={m.code} className='waiting__row'><Text className='waiting__key'>材料</Text>
          <Text className='waiting__value'>{m.name}{m.note ? `：${m.note}` : ''}</Text></View>
      ))}
      <View className='waiting__row'><Text className='waiting__key'>由谁</Text><Text className='waiting__value'>{w.from}</Text></View>
      <View className='waiting__row'><Text className='waiting__key'>期限</Text>
        <Text className='waiting__value'>{w.dueBy ? `${w.dueBy}前${w.dueEstimated ? '（节假日未公布，按工作日估算）' : ''}` : '供电企业未写明'}</Text></View>
      <View className='waiting__row'><Text className='waiting__key'>怎么办</Text><Text className='waiting__value'>{w.todo}</Text></View>
      <Text className='app-card__line'>暂停期间不计入供电企业时限；预计办结日期已按期限顺延。</Text>
      {w.dispute && <View className='waiting__disputed' role='status'>{DISPUTED[w.dispute.kind]}，工作人员将核实并联系您</View>}
      {canDispute && (
        <View className='waiting__dispute'>
          <Text className='app-card__line'>如果您已经办好，或者暂停不是因为您，请告诉我们：</Text>
          <TextArea className='panel__textarea' value={note} maxlength={200} placeholder='说明（可不填）' label='异议说明（可不填）'
            onChange={setNote} />
          {error && <View className='panel__error' role='alert'>{error}</View>}
          <View className='panel__buttons'>
            <Button size='large' loading={busy} disabled={busy} onClick={() => onDispute('done', note)}>{DISPUTE_KINDS.done}</Button>
            <Button size='large' loading={busy} disabled={busy} onClick={() => onDispute('not-mine', note)}>{DISPUTE_KINDS['not-mine']}</Button>
          </View>
        </View>
      )}
    </View>
  )
}
