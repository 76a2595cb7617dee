import { View, Text } from '@tarojs/components'
import { ChoiceList } from '@/components/form/choice-list'
import { SHARED_DATA } from '@/core/joint-services'
import { StepPage } from '@/features/apply/components/step-page'
import { useDraft } from '@/features/apply/stores/draft-store'
import { useStep } from '@/features/apply/use-step'
import { useJoinable } from '@/features/joint/joint-catalogue'
import '@/features/joint/joint.css'

type Decision = 'given' | 'refused'

/**
 * Consent per recipient (个人信息保护法 Art. 23): for each added utility, who receives what, why and how it is
 * handled, and a choice of its own. Refusing one drops that utility, not the electricity application.
 */
export default function SharePage() {
  const joint = useDraft((s) => s.answers.joint) ?? []
  const setJoint = useDraft((s) => s.setJoint)
  const { services, providerOf } = useJoinable()
  const { errors, errorFor, proceed } = useStep('share')
  const decide = (i: number, consent: Decision) => setJoint(joint.map((p, j) => (j === i && p ? { ...p, consent } : p)))

  return (
    <StepPage step='share' errors={errors} onContinue={() => void proceed()}
      lead='向其他企业提供您的个人信息，需要您逐一单独同意。不同意的业务不会办理，不影响用电申请。'>
      {joint.map((part, i) => {
        const service = services.find((s) => s.code === part?.service)
        const provider = service && providerOf(service)
        if (!part || !service || !provider || !service.sharing) return null
        const path = `joint.${i}.consent`
        return (
          <View className='joint-part' key={service.code}>
            <View className='joint-part__title' role='heading' aria-level={2}>向{provider.name}提供信息</View>
            <Text className='joint-part__row'>联系方式：{provider.contact}</Text>
            <Text className='joint-part__row'>用途：{service.sharing.purpose}</Text>
            <Text className='joint-part__row joint-part__row--strong'>提供的信息：{service.sharing.dataItems.map((d) => SHARED_DATA[d]).join('、')}</Text>
            <Text className='joint-part__row'>处理方式：{service.sharing.processing}</Text>
            <ChoiceList<Decision> path={path} label={`是否同意向${provider.shortName}提供以上信息？`} error={errorFor(path)} value={part.consent}
              onChange={(v) => decide(i, v)}
              choices={[{ value: 'given', label: '同意', description: `一并申请${service.name}` }, { value: 'refused', label: '不同意', description: `不办理${service.name}` }]} />
            {part.consent === 'refused' && <Text className='joint-part__refused'>将不办理{service.name}；如需办理，可稍后直接联系{provider.shortName}。</Text>}
          </View>
        )
      })}
    </StepPage>
  )
}
