import { View, Text } from '@tarojs/components'
import type { ServiceCatalogue } from '@/contract/services'
import './stage-list.css'

type Stage = ServiceCatalogue['services'][number]['stages'][number]

export interface StageListProps {
  stages: Stage[]
  materialName: (code: string) => string
}

/** The stages of a service in order, each with its limit; materials of later stages (the first stage's are listed apart). */
export function StageList({ stages, materialName }: StageListProps) {
  return (
    <View className='stage-list' role='list'>
      {stages.map((stage, i) => (
        <View className='stage-list__item' key={stage.code} role='listitem'>
          <View className='stage-list__index' aria-hidden>{i + 1}</View>
          <View className='stage-list__body'>
            <View className='stage-list__head'>
              <Text className='stage-list__name'>{stage.name}</Text>
              <Text className='stage-list__limit'>
                {stage.limitDays}个工作日{stage.limitSource === 'default' ? '（默认）' : ''}
              </Text>
            </View>
            <Text className='stage-list__desc'>{stage.description}</Text>
            {i > 0 && stage.materials.length > 0 && (
              <Text className='stage-list__materials'>材料：{stage.materials.map(materialName).join('、')}</Text>
            )}
            {stage.checkpoints?.map((c) => (
              <Text className='stage-list__checkpoint' key={c.code}>
                · {c.name}（{c.limitDays}个工作日，仅重要或有特殊负荷用户）：{c.materials.map(materialName).join('、')}
              </Text>
            ))}
          </View>
        </View>
      ))}
    </View>
  )
}
