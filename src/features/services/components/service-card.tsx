import { View, Text } from '@tarojs/components'
import type { ServiceCatalogue } from '@/contract/services'
import { StageList } from './stage-list'
import { totalLimitText, feeText, capacityText } from '../format'
import './service-card.css'

type Service = ServiceCatalogue['services'][number]

export interface ServiceCardProps {
  service: Service
  materials: ServiceCatalogue['materials']
}

/** One service as a newcomer needs to see it before starting: who it is for, time limit, fee, stages, materials. */
export function ServiceCard({ service, materials }: ServiceCardProps) {
  const name = (code: string) => materials[code]?.name ?? code
  const acceptance = service.stages[0]?.materials ?? []
  return (
    <View className='service-card' aria-label={service.name}>
      <Text className='service-card__name'>{service.name}</Text>
      <Text className='service-card__audience'>{service.audience} · {capacityText(service)}</Text>
      <View className='service-card__facts'>
        <View className='service-card__fact'>
          <Text className='service-card__fact-label'>办理时限</Text>
          <Text className='service-card__fact-value'>{totalLimitText(service)}</Text>
        </View>
        <View className='service-card__fact'>
          <Text className='service-card__fact-label'>接电费用</Text>
          <Text className='service-card__fact-value'>{feeText(service)}</Text>
        </View>
      </View>
      <Text className='service-card__fee-note'>{service.feeNote}</Text>
      <Text className='service-card__section'>办理环节（{service.stages.length}个）</Text>
      <StageList stages={service.stages} materialName={name} />
      <Text className='service-card__section'>申请时需要的材料</Text>
      <View role='list'>
        {acceptance.map((code) => (
          <View className='service-card__material' key={code} role='listitem'>
            <Text>{name(code)}</Text>
            {materials[code]?.when && <Text className='service-card__when'>（{materials[code]?.when}）</Text>}
            {materials[code]?.note && <Text className='service-card__note'>{materials[code]?.note}</Text>}
          </View>
        ))}
      </View>
      {service.totalLimitSource === 'default' && (
        <Text className='service-card__source'>注：该服务的时限为默认配置值（未见公开规定），以供电企业公布为准。</Text>
      )}
    </View>
  )
}
