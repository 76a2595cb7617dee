import { View, Text } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { z } from 'zod'
import type { staffCaseSummarySchema } from '@/contract/staff'
import { STATE_WORDS } from '@/contract/constants'

type Row = z.infer<typeof staffCaseSummarySchema>

/** One result: who (masked), where, what stage, and the working-day clock. */
export function CaseRow({ c }: { c: Row }) {
  const open = c.state === 'in-progress' || c.state === 'paused' || c.state === 'overdue'
  const late = c.state === 'overdue'
  // a 10 kV limit is an average over cases: one case is late only past its ceiling (a labelled default)
  const average = c.ceilingDays !== c.limitDays
  const left = c.ceilingDays - c.usedDays
  return (
    <View className='case-row' role='link' aria-label={`${c.number}，${STATE_WORDS[c.state]}`}
      onClick={() => void Taro.navigateTo({ url: `/packages/staff/pages/case/index?number=${c.number}` })}>
      <View className='case-row__top'>
        <Text className='case-row__number'>{c.number}</Text>
        <Text className={`case-row__state${late ? ' case-row__state--overdue' : ''}`}>{STATE_WORDS[c.state]}</Text>
      </View>
      <Text className='case-row__line'>{c.serviceName} · {c.townshipName} · {c.supplierName}</Text>
      <Text className='case-row__line'>
        {c.applicantNameMasked}　{c.mobileMasked}{c.needsReview && <Text className='tag-review'>照片待核验</Text>}
      </Text>
      <Text className='case-row__line'>
        {c.currentStageName ? `${c.currentStageName} · ` : ''}已用{c.usedDays}/{c.limitDays}个工作日
        {average && `（平均时限；单件超过${c.ceilingDays}个工作日记为超时，默认值）`}
        {open && `，${left >= 0 ? `${average ? '距超时' : '剩余'}${left}` : `超时${-left}`}，预计${c.expectedBy}${c.estimated ? '（节假日未公布，估算）' : ''}`}
      </Text>
    </View>
  )
}
