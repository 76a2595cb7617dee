import { View, Text } from '@tarojs/components'
import type { StaffCaseDetail } from '@/contract/staff'
import { chinaDateTime } from '@/lib/china-time'

/** 小微企业认定: the national 小微企业名录's answer with its basis and time, or 待核验 with why and the next attempt. */
export function SmallMicroCard({ smallMicro: s }: { smallMicro: StaffCaseDetail['smallMicro'] }) {
  if (!s) return null
  return (
    <View className='app-card' role='group' aria-label='小微企业认定'>
      <Text className='app-card__title'>小微企业认定：{s.name}</Text>
      {s.checkedAt && <Text className='app-card__line'>{chinaDateTime(s.checkedAt)}查询{s.source ? `（${s.source}${s.registryDate ? `，记录日期 ${s.registryDate}` : ''}）` : ''}</Text>}
      {s.basis && <Text className='app-card__line'>依据：{s.basis}</Text>}
      {s.note && <View className='notice' role='status'>{s.note}。</View>}
      {s.pending && (
        <View className='notice' role='status'>
          {s.pending.reason}
          {s.pending.nextAttemptAt && s.pending.attempts > 0 ? `。已尝试${s.pending.attempts}次，系统将于${chinaDateTime(s.pending.nextAttemptAt)}自动重新查询` : ''}。不影响申请办理。
        </View>
      )}
      <Text className='staff-line'>{s.rule}。</Text>
    </View>
  )
}
