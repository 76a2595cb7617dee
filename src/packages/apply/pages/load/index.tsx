import { useEffect, useState } from 'react'
import { View, Text, Picker } from '@tarojs/components'
import { TextField } from '@/components/form/text-field'
import { ChoiceList } from '@/components/form/choice-list'
import { Field } from '@/components/form/field'
import { USE_LABELS, type UseCode } from '@/contract/constants'
import { serviceByCode } from '@/core/services'
import type { TypicalLoad } from '@/core/typical-loads'
import { chinaDate } from '@/core/calendar/china-date'
import { latestDesiredDate } from '@/core/answers/check-answers'
import { StepPage } from '@/features/apply/components/step-page'
import { useDraft } from '@/features/apply/stores/draft-store'
import { useStep } from '@/features/apply/use-step'
import { followCapacity, type CapacityFollow } from '@/features/apply/capacity-follow'
import { CapacityPresets } from '@/features/apply/components/capacity-presets'

const parseKw = (s: string): number | undefined => (s.trim() === '' ? undefined : Number(s))

/** Step 4: how much power, for what, from when. The voltage follows from the service, and the service from the capacity. */
export default function LoadPage() {
  const service = useDraft((s) => s.answers.service)
  const l = useDraft((s) => s.answers.load) ?? {}
  const update = useDraft((s) => s.update)
  const setService = useDraft((s) => s.setService)
  const [kwText, setKwText] = useState(l.capacityKw !== undefined ? String(l.capacityKw) : '')
  /** the service the applicant chose before this page moved it (low voltage above 160 kW goes to 10 kV) */
  const [chosen] = useState(service)
  /** what the last move said, shown while it holds (the words change with the figure) */
  const [notice, setNotice] = useState<CapacityFollow['notice'] | null>(null)
  const { errors, errorFor, proceed } = useStep('load')
  const svc = serviceByCode(service ?? '')
  const uses = svc?.uses ?? []

  // A service with one obvious use (居民新装: 居民生活) takes it; the applicant can still choose the other.
  // Only in a live draft: once submitted (cleared), this page, still open below the result, must not start a new one.
  useEffect(() => {
    if (service && !l.use && svc?.defaultUse) update('load', { use: svc.defaultUse })
  })

  /** Moves the service with the figure as it is typed, and says so at once; true when the service changed. */
  const follow = (kw: number | undefined): boolean => {
    if (!chosen || !service) return false
    const next = followCapacity(chosen, kw)
    if (next.service !== service) setService(next.service)
    setNotice((shown) => (next.notice?.moved || shown ? next.notice ?? null : null))
    return next.service !== service
  }
  const setKw = (text: string, patch: { use?: UseCode } = {}) => {
    setKwText(text)
    const kw = parseKw(text)
    update('load', { capacityKw: kw, ...patch })
    follow(kw)
  }
  const pick = (load: TypicalLoad) => setKw(String(load.kw), l.use ? {} : { use: load.use })

  // a figure kept from an earlier visit is checked again before going on
  const onContinue = () => (follow(l.capacityKw) ? undefined : void proceed())

  return (
    <StepPage step='load' errors={errors} onContinue={onContinue}>
      <TextField path='load.capacityKw' label='报装容量（千瓦）' type='digit' maxlength={8} value={kwText}
        hint={svc?.capacityHint}
        error={errorFor('load.capacityKw')}
        onChange={(v) => setKw(v)} />
      <View aria-live='assertive'>
        {notice && <View className={notice.moved ? 'notice capacity-notice' : 'info capacity-notice'} role='alert'>{notice.text}</View>}
      </View>
      <CapacityPresets loads={serviceByCode(chosen ?? '')?.typicalLoads ?? []} value={l.capacityKw} onPick={pick} />
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
