import { View, Text } from '@tarojs/components'
import { CheckList } from '@/components/form/check-list'
import type { JointServiceCode } from '@/core/joint-services'
import { useDraft } from '@/features/apply/stores/draft-store'
import { offerLines, useJoinable } from './joint-catalogue'
import './joint.css'

/** 同时办理 on the service page: water, gas and broadband at the same address, each with what it takes, shown before anything is typed. */
export function JointOffers() {
  const joint = useDraft((s) => s.answers.joint) ?? []
  const setJoint = useDraft((s) => s.setJoint)
  const { services, providerOf } = useJoinable()
  const chosen = joint.map((p) => p?.service).filter((c): c is JointServiceCode => Boolean(c))
  const toggle = (code: JointServiceCode) => {
    const kept = joint.filter((p) => p?.service !== code)
    setJoint(kept.length < joint.length ? kept : [...joint, { service: code, answers: {} }])
  }
  return (
    <View className='joint-offers'>
      <CheckList<JointServiceCode>
        path='joint'
        label='同时办理（可选）'
        hint='同一地址还需要用水、用气或宽带？勾选后一并申请，证照和地址不用再提供。'
        values={chosen}
        onToggle={toggle}
        choices={services.map((s) => {
          const provider = providerOf(s)
          return {
            value: s.code as JointServiceCode,
            label: `${s.name}（${provider?.shortName ?? ''}）`,
            details: [...offerLines(s, provider), ...(provider?.defaultsLabel ? [`以上时限和费用为${provider.defaultsLabel}`] : [])],
          }
        })}
      />
      {chosen.length > 0 && <Text className='joint-offers__note'>提交前会请您逐一确认是否同意向这些企业提供办理所需的信息。</Text>}
    </View>
  )
}
