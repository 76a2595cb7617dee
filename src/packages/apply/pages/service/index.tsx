import { useEffect } from 'react'
import { View, Text } from '@tarojs/components'
import { ChoiceList } from '@/components/form/choice-list'
import { useCatalogue } from '@/features/services/stores/catalogue-store'
import { totalLimitText, feeText } from '@/features/services/format'
import { StepPage } from '@/features/apply/components/step-page'
import { useDraft } from '@/features/apply/stores/draft-store'
import { useStep } from '@/features/apply/use-step'
import type { ServiceCode } from '@/core/services'

/** Step 1: which service; each shows its stages, limit, materials and fee before the applicant starts. */
export default function ServicePage() {
  const catalogue = useCatalogue((s) => s.catalogue)
  const load = useCatalogue((s) => s.load)
  const service = useDraft((s) => s.answers.service)
  const setService = useDraft((s) => s.setService)
  const { errors, errorFor, proceed } = useStep('service')
  useEffect(() => { void load() }, [load])

  const chosen = catalogue?.services.find((s) => s.code === service)
  return (
    <StepPage step='service' errors={errors} onContinue={() => void proceed()} lead='全程在手机上办理，不用跑腿。'>
      <ChoiceList<ServiceCode>
        path='service'
        label='您要办理哪项业务？'
        error={errorFor('service')}
        value={service}
        onChange={setService}
        choices={(catalogue?.services ?? []).map((s) => ({
          value: s.code,
          label: s.name,
          description: `${s.audience}。${totalLimitText(s)}，${feeText(s)}`,
        }))}
      />
      {chosen && catalogue && (
        <View className='service-summary' aria-live='polite'>
          <Text className='service-summary__title'>{chosen.name}：{chosen.stages.length}个环节</Text>
          {chosen.stages.map((st, i) => (
            <Text className='service-summary__row' key={st.code}>
              {i + 1}. {st.name}（{st.limitDays}个工作日{st.limitSource === 'default' ? '，默认' : ''}）
            </Text>
          ))}
          <Text className='service-summary__row'>
            需要：{chosen.stages[0].materials.map((m) => catalogue.materials[m]?.name).filter(Boolean).join('、')}（有电子证照的无需上传）
          </Text>
        </View>
      )}
    </StepPage>
  )
}
