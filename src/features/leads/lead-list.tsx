import { View, Text } from '@tarojs/components'
import type { Lead } from '@/contract/leads'
import { LEAD_KINDS, LEAD_STATES } from '@/core/leads'
import { townshipByCode } from '@/core/wanzhou'
import './leads.css'

/** The enterprise's leads, newest first, each with its outcome in words. */
export function LeadList({ leads }: { leads: Lead[] }) {
  if (leads.length === 0) return <Text className='lead-empty'>还没有登记主动服务线索</Text>
  return (
    <View role='list' aria-label='已登记的线索'>
      {leads.map((l) => (
        <View key={l.id} role='listitem' className='lead-card'>
          <Text className='lead-card__title'>{l.businessName}</Text>
          <Text className='lead-card__line'>{LEAD_KINDS[l.kind].name}　{l.creditCode}</Text>
          <Text className='lead-card__line'>{townshipByCode(l.townshipCode)?.name}{l.addressDetail}　{l.capacityKw}千瓦</Text>
          <Text className='lead-card__line'>
            <Text className='lead-card__state'>{LEAD_STATES[l.state].name}</Text>
            {l.applicationNumber ? `　申请编号 ${l.applicationNumber}` : ''}
          </Text>
        </View>
      ))}
    </View>
  )
}
