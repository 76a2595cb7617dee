import { View, Text } from '@tarojs/components'
import type { StaffCaseDetail } from '@/contract/staff'
import { chinaDateTime } from '@/lib/china-time'
import { eventName, payloadLine } from '@/features/staff/event-names'

/** The raw append-only log, oldest first: id, server time, type (named in Chinese), stage, actor, correction, payload. */
export function EventLog({ events }: { events: StaffCaseDetail['events'] }) {
  return (
    <View className='app-card'>
      {events.map((e) => (
        <View key={e.id} className='event-row'>
          <View className='event-row__head'>
            <Text className='event-row__name'>#{e.id} {eventName(e.type)}</Text>
            <Text className='event-row__time'>{chinaDateTime(e.at)}</Text>
          </View>
          <Text className='event-row__raw'>
            {e.type}{e.stage ? ` · 环节 ${e.stage}` : ''} · 操作方 {e.actor}{e.corrects ? ` · 更正 #${e.corrects}` : ''}
          </Text>
          {Object.keys(e.payload).length > 0 && <Text className='event-row__raw'>{payloadLine(e.payload)}</Text>}
        </View>
      ))}
    </View>
  )
}
