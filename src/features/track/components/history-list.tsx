import { View, Text } from '@tarojs/components'
import type { ApplicationDetail } from '@/contract/progress'
import { chinaDateTime } from '@/lib/china-time'
import './track.css'

export interface HistoryListProps {
  timeline: ApplicationDetail['timeline']
}

/** The append-only history, newest first; corrections say which entry they correct. */
export function HistoryList({ timeline }: HistoryListProps) {
  const ordered = [...timeline].reverse()
  return (
    <View role='list' className='history'>
      {ordered.map((t) => (
        <View role='listitem' className='history__item' key={t.id}>
          <Text className='history__at'>{chinaDateTime(t.at)}</Text>
          <Text className='history__text'>{t.text}{t.corrects ? `（更正第${t.corrects}条记录）` : ''}</Text>
        </View>
      ))}
    </View>
  )
}
