import { View, Text } from '@tarojs/components'
import { ChoiceList } from '@/components/form/choice-list'
import { TextField } from '@/components/form/text-field'
import type { PartQuestion } from '@/core/joint-services'
import { StepPage } from '@/features/apply/components/step-page'
import { useDraft } from '@/features/apply/stores/draft-store'
import { useStep } from '@/features/apply/use-step'
import { useJoinable } from '@/features/joint/joint-catalogue'
import '@/features/joint/joint.css'

const parseCount = (s: string): number | string => (s.trim() === '' ? '' : Number(s))

/** The few questions the added utilities need, all on one page; everything else is shared with electricity. */
export default function JointPage() {
  const joint = useDraft((s) => s.answers.joint) ?? []
  const setJoint = useDraft((s) => s.setJoint)
  const { services, providerOf } = useJoinable()
  const { errors, errorFor, proceed } = useStep('joint')
  const answer = (i: number, code: string, value: string | number) =>
    setJoint(joint.map((p, j) => (j === i && p ? { ...p, answers: { ...p.answers, [code]: value } } : p)))

  const question = (i: number, q: PartQuestion, current: string | number | undefined) => {
    const path = `joint.${i}.answers.${q.code}`
    if (q.kind === 'choice') {
      return <ChoiceList<string> key={q.code} path={path} label={q.label} error={errorFor(path)} value={current === undefined ? undefined : String(current)}
        onChange={(v) => answer(i, q.code, v)} choices={q.options ?? []} />
    }
    return <TextField key={q.code} path={path} label={`${q.label}（${q.unit ?? ''}）`} type='number' maxlength={4} error={errorFor(path)}
      value={current === undefined ? '' : String(current)} onChange={(v) => answer(i, q.code, parseCount(v))} />
  }

  return (
    <StepPage step='joint' errors={errors} onContinue={() => void proceed()} lead='申请人、地址和证照已经填写过，这里只补充各企业需要的几项。'>
      {joint.map((part, i) => {
        const service = services.find((s) => s.code === part?.service)
        if (!part || !service) return null
        return (
          <View className='joint-part' key={service.code}>
            <View className='joint-part__title' role='heading' aria-level={2}>{service.name}</View>
            <Text className='joint-part__provider'>{providerOf(service)?.name}</Text>
            {service.questions.map((q) => question(i, q, part.answers?.[q.code]))}
          </View>
        )
      })}
    </StepPage>
  )
}
