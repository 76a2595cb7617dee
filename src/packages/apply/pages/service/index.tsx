import { useEffect } from 'react'
import { View, Text } from '@tarojs/components'
import { ChoiceList } from '@/components/form/choice-list'
import { useCatalogue } from '@/features/services/stores/catalogue-store'
import { totalLimitText, feeText } from '@/features/services/format'
import { StepPage } from '@/features/apply/components/step-page'
import { useDraft } from '@/features/apply/stores/draft-store'
import { useStep } from '@/features/apply/use-step'
import { isStandalone, standaloneServices, type StandaloneServiceCode } from '@/core/services'
import { MATERIALS } from '@/core/materials'
import { JointOffers } from '@/features/joint/joint-offers'

/** Step 1: which service; each shows its stages, limit, materials and fee before the applicant starts. */
export default function ServicePage() {
  const catalogue = useCatalogue((s) => s.catalogue)
  const load = useCatalogue((s) => s.load)
  const service = useDraft((s) => s.answers.service)
  const setService = useDraft((s) => s.setService)
  const { errors, errorFor, proceed } = useStep('service')
  // the page draws from the built-in table at once; the platform's own answer refreshes it in the background,
  // after the first paint rather than in its way
  useEffect(() => {
    const later = setTimeout(() => void load(), 1000)
    return () => clearTimeout(later)
  }, [load])

  // the table this app was built with, until the platform's own answers: the page is usable at once
  const services = (catalogue?.services ?? standaloneServices()).filter(isStandalone)
  const materials: Record<string, { name: string }> = catalogue?.materials ?? MATERIALS
  const chosen = services.find((s) => s.code === service)
  return (
    <StepPage step='service' errors={errors} onContinue={() => void proceed()} lead='全程在手机上办理，不用跑腿。'>
      <ChoiceList<StandaloneServiceCode>
        path='service'
        label='您要办理哪项业务？'
        error={errorFor('service')}
        value={service}
        onChange={setService}
        choices={services.map((s) => ({
          value: s.code,
          label: s.name,
          description: `${s.audience}。${totalLimitText(s)}，${feeText(s)}`,
        }))}
      />
      {chosen && (
        <View className='service-summary' aria-live='polite'>
          <Text className='service-summary__title'>{chosen.name}：{chosen.stages.length}个环节</Text>
          {chosen.stages.map((st, i) => (
            <Text className='service-summary__row' key={st.code}>
              {i + 1}. {st.name}（{st.limitDays}个工作日{st.limitSource === 'default' ? '，默认' : ''}）
            </Text>
          ))}
          <Text className='service-summary__row'>
            需要：{chosen.stages[0].materials.map((m) => materials[m]?.name).filter(Boolean).join('、')}（有电子证照的无需上传）
          </Text>
        </View>
      )}
      {chosen && <JointOffers />}
    </StepPage>
  )
}
