import { View, Text } from '@tarojs/components'
import type { StaffCaseDetail } from '@/contract/staff'
import { chinaDateTime } from '@/lib/china-time'

/** The append-only log, oldest first, as the server words it: what happened, China time, who, the details. */
export function EventLog({ events }: { events: StaffCaseDetail['events'] }) {
  return (
    <View className='app-card'>
      {events.map((e) => (
        <View key={e.id} className='event-row'>
          <View className='event-row__head'>
            <Text className='event-row__name'>#{e.id} {e.text}{e.corrects ? `（更正 #${e.corrects}）` : ''}</Text>
            <Text className='event-row__time'>{chinaDateTime(e.at)}</Text>
          </View>
          <Text className='event-row__raw'>{e.actorName}</Text>
          {e.details.length > 0 && <Text className='event-row__raw'>{e.details.map((d) => `${d.label}：${d.value}`).join('；')}</Text>}
        </View>
      ))}
    </View>
  )
}
