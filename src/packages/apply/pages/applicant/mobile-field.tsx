import { ChoiceList } from '@/components/form/choice-list'
import { TextField } from '@/components/form/text-field'
import type { DraftAnswers } from '@/features/apply/draft-answers'

type Applicant = NonNullable<DraftAnswers['applicant']>

export interface MobileFieldProps {
  value: Applicant
  identityMobile?: string
  error?: string
  onChange: (patch: Applicant) => void
}

/** The contact mobile: the 渝快办 identity's (shown masked; the server fills it in) or another one typed. */
export function MobileField({ value, identityMobile, error, onChange }: MobileFieldProps) {
  if (!identityMobile) {
    return <TextField path='applicant.mobile' label='联系手机号' type='number' maxlength={11} value={value.mobile ?? ''} error={error}
      hint='用于接收办理进度通知' onChange={(mobile) => onChange({ mobile })} />
  }
  const useIdentity = value.useIdentityMobile !== false
  return (
    <>
      <ChoiceList path='applicant.useIdentityMobile' label='联系手机号' hint='用于接收办理进度通知'
        value={useIdentity ? 'identity' : 'other'}
        onChange={(v) => onChange({ useIdentityMobile: v === 'identity' })}
        choices={[
          { value: 'identity', label: `使用渝快办登记的 ${identityMobile}` },
          { value: 'other', label: '使用其他手机号' },
        ]} />
      {!useIdentity && (
        <TextField path='applicant.mobile' label='手机号' type='number' maxlength={11} value={value.mobile ?? ''} error={error}
          onChange={(mobile) => onChange({ mobile })} />
      )}
    </>
  )
}
