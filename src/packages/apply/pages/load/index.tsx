import { useState } from 'react'
import { View, Text, Picker } from '@tarojs/components'
import { TextField } from '@/components/form/text-field'
import { ChoiceList } from '@/components/form/choice-list'
import { Field } from '@/components/form/field'
import { USE_LABELS, type UseCode } from '@/contract/constants'
import { fitsCapacity, serviceByCode, serviceForCapacity, type StandaloneServiceCode } from '@/core/services'
import { chinaDate } from '@/core/calendar/china-date'
import { latestDesiredDate } from '@/core/answers/check-answers'
import { StepPage } from '@/features/apply/components/step-page'
import { useDraft } from '@/features/apply/stores/draft-store'
import { useStep } from '@/features/apply/use-step'

const parseKw = (s: string): number | undefined => (s.trim() === '' ? undefined : Number(s))

/** Step 4: how much power, for what, from when. The voltage follows from the service. */
export default function LoadPage() {
  const service = useDraft((s) => s.answers.service)
  const l = useDraft((s) => s.answers.load) ?? {}
  const update = useDraft((s) => s.update)
  const setService = useDraft((s) => s.setService)
  const [kwText, setKwText] = useState(l.capacityKw !== undefined ? String(l.capacityKw) : '')
  /** the automatic move to 10 kV on this page: from which service, and the words shown */
  const [moved, setMoved] = useState<{ from: StandaloneServiceCode; reason: string } | null>(null)
  const { errors, errorFor, proceed } = useStep('load')
  const svc = serviceByCode(service ?? '')
  const uses = svc?.uses ?? []

  const onContinue = () => {
    // Above 160 kW a low-voltage choice moves to 10 kV: explained, not refused.
    const kw = l.capacityKw
    if (service && kw !== undefined && !Number.isNaN(kw)) {
      // Corrected back to low voltage (e.g. a typo fixed): the applicant's own choice comes back, explained too.
      const original = serviceByCode(moved?.from ?? '')
      if (moved && original && moved.from !== service && kw > 0 && fitsCapacity(original, kw)) {
        setService(moved.from)
        setMoved({ from: moved.from, reason: `报装容量${kw}千瓦，可以低压接入，已改回${serviceByCode(moved.from)?.name ?? ''}` })
        return
      }
      const fit = serviceForCapacity(service, kw)
      if (fit.service !== service && fit.reason) {
        setService(fit.service)
        setMoved({ from: service, reason: `${fit.reason}，已为您改选。${fit.changes ?? ''}` })
        return
      }
    }
    void proceed()
  }

  return (
    <StepPage step='load' errors={errors} onContinue={onContinue}>
      {moved && <View className='notice' role='status'>{moved.reason}。请核对后继续。</View>}
      <TextField path='load.capacityKw' label='报装容量（千瓦）' type='digit' maxlength={8} value={kwText}
        hint={svc?.capacityHint}
        error={errorFor('load.capacityKw')}
        onChange={(v) => { setKwText(v); update('load', { capacityKw: parseKw(v) }) }} />
      <View className='info'><Text>供电电压：{svc?.voltage === '10kV' ? '10千伏' : '220伏/380伏'}（由所选业务确定）</Text></View>
      <ChoiceList path='load.use' label='用电用途' error={errorFor('load.use')} value={l.use as UseCode | undefined}
        onChange={(use) => update('load', { use })}
        choices={uses.map((u) => ({ value: u, label: USE_LABELS[u] }))} />
      <Field path='load.desiredDate' label='期望接电日期（可选）' hint='不填则按承诺时限尽快接电' error={errorFor('load.desiredDate')}>
        <Picker mode='date' value={l.desiredDate ?? chinaDate(new Date())} start={chinaDate(new Date())} end={latestDesiredDate(chinaDate(new Date()))}
          onChange={(e) => update('load', { desiredDate: String(e.detail.value) })}>
          <View className='text-field__input picker-value' role='button' aria-label='选择期望接电日期'>
            {l.desiredDate ?? '点击选择日期'}
          </View>
        </Picker>
      </Field>
    </StepPage>
  )
}
