import { View, Text } from '@tarojs/components'
import type { StageProgress } from '@/contract/progress'
import { STATE_WORDS } from '@/contract/constants'
import { chinaDateTime } from '@/lib/china-time'
import './track.css'

const time = (iso: string | null) => (iso ? chinaDateTime(iso) : '')

function StageRow({ s, nested, stoppedAs }: { s: Omit<StageProgress, 'checkpoints'>; nested?: boolean; stoppedAs?: string }) {
  // A stage still running when the case was withdrawn or rejected did not go on: say how it ended instead.
  const stopped = stoppedAs !== undefined && (s.state === 'in-progress' || s.state === 'paused')
  const word = stopped ? stoppedAs : STATE_WORDS[s.state]
  return (
    <View className={`stage stage--${s.state}${stopped ? ' stage--stopped' : ''}${nested ? ' stage--nested' : ''}`} role='listitem'
      aria-label={`${s.name}，${word}`}>
      <View className='stage__dot' aria-hidden />
      <View className='stage__body'>
        <View className='stage__head'>
          <Text className='stage__name'>{s.name}</Text>
          <Text className='stage__state'>{word}</Text>
        </View>
        {s.state !== 'not-started' && (
          <Text className='stage__line'>
            用时{s.usedDays}/{s.limitDays}个工作日{s.limitSource === 'default' ? '（默认时限）' : ''}
            {s.estimated ? '，含估算' : ''}
          </Text>
        )}
        {s.state === 'not-started' && <Text className='stage__line'>时限{s.limitDays}个工作日</Text>}
        {s.startedAt && <Text className='stage__line'>开始：{time(s.startedAt)}</Text>}
        {s.finishedAt && <Text className='stage__line'>完成：{time(s.finishedAt)}</Text>}
        {s.handler && <Text className='stage__line'>经办：{s.handler}</Text>}
        {s.opinion && <Text className='stage__line'>意见：{s.opinion}</Text>}
      </View>
    </View>
  )
}

export interface StageProgressListProps {
  stages: StageProgress[]
  /** the case was withdrawn or rejected: the word shown for the stages it stopped in (e.g. 已撤回) */
  stoppedAs?: string
}

/** The stages top to bottom: state in words (never colour alone), times, handler, days used against the limit. */
export function StageProgressList({ stages, stoppedAs }: StageProgressListProps) {
  return (
    <View className='stages' role='list'>
      {stages.map((s) => (
        <View key={s.code}>
          <StageRow s={s} stoppedAs={stoppedAs} />
          {s.checkpoints.map((c) => <StageRow key={c.code} s={c} nested stoppedAs={stoppedAs} />)}
        </View>
      ))}
    </View>
  )
}
