import { View, Text } from '@tarojs/components'
import type { StaffCaseDetail } from '@/contract/staff'
import { chinaDateTime } from '@/lib/china-time'

/** A 一件事's case sent to its utility: received (with the utility's reference), still being sent, or refused. */
export function DispatchCard({ dispatch, providerName }: { dispatch: StaffCaseDetail['dispatch']; providerName: string }) {
  if (!dispatch) return null
  const last = dispatch.lastError ? `（最近一次：${dispatch.lastError}）` : ''
  return (
    <View className='app-card' role='group' aria-label='发送至企业系统'>
      <Text className='app-card__title'>发送至{providerName}系统</Text>
      {dispatch.jointNumber && <Text className='app-card__line'>一件事编号 {dispatch.jointNumber}（可用它查找本件）</Text>}
      {dispatch.state === 'received' && (
        <Text className='app-card__line'>已接收：企业编号 {dispatch.utilityRef}，{dispatch.deliveredAt ? chinaDateTime(dispatch.deliveredAt) : ''}</Text>
      )}
      {dispatch.state === 'receiving' && <Text className='app-card__line'>发送中：已尝试{dispatch.attempts}次，系统会自动重试{last}</Text>}
      {dispatch.state === 'refused' && (
        <View className='notice' role='alert'>企业系统拒收{last}，不会自动重试。请联系{providerName}核实后处理。</View>
      )}
    </View>
  )
}
