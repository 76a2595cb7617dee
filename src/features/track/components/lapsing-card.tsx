import { View, Text } from '@tarojs/components'
import type { ApplicationDetail } from '@/contract/progress'
import './track.css'

/** What lapses (the 10 kV written supply plan, valid one year): its date and expiry, a warning near the end. */
export function LapsingCard({ items }: { items: ApplicationDetail['lapsing'] }) {
  return (
    <>
      {items.map((r) => (
        <View key={r.stage} className={`app-card${r.warn ? ' lapsing--warn' : ''}`} role={r.warn ? 'alert' : undefined}>
          <Text className='app-card__title'>{r.name}</Text>
          <Text className='app-card__line'>{r.issuedOn}答复，有效期至{r.validUntil}</Text>
          {r.warn && (
            <Text className='app-card__line lapsing__warn'>
              {r.daysLeft >= 0 ? `还有${r.daysLeft}天失效，` : '已失效，'}请尽快完成用户侧工程；失效后须重新答复供电方案
            </Text>
          )}
        </View>
      ))}
    </>
  )
}
