import type { PropsWithChildren, ReactNode } from 'react'
import { View, Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { FieldError } from '@/contract'
import { ErrorSummary } from '@/components/form/error-summary'
import { PageRoot } from '@/components/page-root'
import { useDraft } from '../stores/draft-store'
import { stepPosition, STEPS, type StepId } from '../steps'
import { SaveStatus } from './save-status'
import { DraftConflictBox } from './draft-conflict'
import { SubmittedNotice } from './submitted-notice'
import './step-page.css'

export interface StepPageProps {
  step: StepId
  lead?: ReactNode
  errors: FieldError[]
  onContinue: () => void
  continueLabel?: string
  busy?: boolean
  /** for pages that list other pages' problems (check, sign): tapping one opens that page */
  onErrorSelect?: (error: FieldError) => void
}

/** The frame of every journey page: where you are, the question, problems on top, and one Continue. */
export function StepPage({ step, lead, errors, onContinue, continueLabel = '继续', busy, onErrorSelect, children }: PropsWithChildren<StepPageProps>) {
  const service = useDraft((s) => s.answers.service)
  const joint = useDraft((s) => s.answers.joint)
  const { index, total } = stepPosition(step, { service, joint })
  const title = STEPS.find((s) => s.id === step)?.title ?? ''
  // after submitting, a page of the journey (back, a link, a reload) leads to the case; choosing a service starts anew
  const submitted = useDraft((s) => (step !== 'service' && Object.keys(s.answers).length === 0 ? s.submittedNumber : null))
  if (submitted) return <SubmittedNotice number={submitted} />
  return (
    <PageRoot className='step-page'>
      <View className='step-page__head'>
        <Text className='step-page__progress'>第{index}步，共{total}步</Text>
        <View className='step-page__title' role='heading' aria-level={1}>{title}</View>
        {lead && <View className='step-page__lead'>{lead}</View>}
      </View>
      <View className='step-page__body'>
        <DraftConflictBox />
        <ErrorSummary errors={errors} onSelect={onErrorSelect} />
        {children}
      </View>
      <View className='step-page__footer'>
        <SaveStatus />
        <Button block type='primary' size='large' loading={busy} disabled={busy} onClick={onContinue} className='step-page__continue'>
          {continueLabel}
        </Button>
      </View>
    </PageRoot>
  )
}
