import { View, Text } from '@tarojs/components'
import type { ProcessProgress } from '@/contract/progress'
import { STATE_WORDS } from '@/contract/constants'
import './track.css'

export interface ProcessClockProps {
  process: ProcessProgress
}

/** The whole-process clock: working days used against the promise, days left, and the expected date. */
export function ProcessClock({ process: p }: ProcessClockProps) {
  const done = p.state === 'completed' || p.state === 'withdrawn' || p.state === 'rejected'
  // a completed case has used what it needed: its bar is full, whatever share of the limit that was
  const pct = p.state === 'completed' ? 100 : Math.min(100, Math.round((p.usedDays / p.limitDays) * 100))
  return (
    <View className={`clock clock--${p.state}`} aria-label={`办理状态：${STATE_WORDS[p.state]}`}>
      <View className='clock__head'>
        <Text className='clock__state'>{STATE_WORDS[p.state]}</Text>
        <Text className='clock__limit'>承诺{p.limitKind === 'average' ? '平均' : ''}≤{p.limitDays}个工作日</Text>
      </View>
      <View className='clock__bar' aria-hidden><View className='clock__fill' style={{ width: `${pct}%` }} /></View>
      <View className='clock__facts'>
        <Text className='clock__fact'>已用 <Text className='clock__num'>{p.usedDays}</Text> 个工作日</Text>
        {!done && (
          <Text className='clock__fact'>
            {p.remainingDays >= 0 ? <>剩余 <Text className='clock__num'>{p.remainingDays}</Text> 个工作日</>
              : <>{p.limitKind === 'average' ? '超过平均目标' : '已超出'} <Text className='clock__num'>{-p.remainingDays}</Text> 个工作日</>}
          </Text>
        )}
      </View>
      <Text className='clock__date'>
        {p.state === 'completed' ? `已于${p.expectedBy}办结` : done ? '办理已终止，计时停止' : `预计${p.expectedBy}前办结`}
        {p.estimated && !done ? '（节假日未公布，按工作日估算）' : ''}
      </Text>
      {p.pausedDays > 0 && <Text className='clock__note'>另有{p.pausedDays}个工作日暂停计时（原因见办理记录），不计入供电企业时限</Text>}
    </View>
  )
}
