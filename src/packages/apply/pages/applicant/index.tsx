import { useEffect } from 'react'
import { View, Text, Checkbox, Label } from '@tarojs/components'
import { ChoiceList } from '@/components/form/choice-list'
import { TextField } from '@/components/form/text-field'
import { Field } from '@/components/form/field'
import { checkCreditCode } from '@/core/validators'
import { serviceByCode } from '@/core/services'
import { StepPage } from '@/features/apply/components/step-page'
import { FilePicker } from '@/features/apply/components/file-picker'
import { useDraft } from '@/features/apply/stores/draft-store'
import { useStep } from '@/features/apply/use-step'
import { useSession } from '@/features/auth/stores/session-store'
import { MobileField } from './mobile-field'

/** Step 2: who applies (person or business, owner or agent) and how to reach them. */
export default function ApplicantPage() {
  const service = useDraft((s) => s.answers.service)
  const a = useDraft((s) => s.answers.applicant) ?? {}
  const update = useDraft((s) => s.update)
  const identity = useSession((s) => s.me?.identity)
  const { errors, errorFor, proceed } = useStep('applicant')
  const set = (patch: Parameters<typeof update<'applicant'>>[1]) => update('applicant', patch)

  // A service with one applicant kind (居民新装: a person) chooses it; the identity's mobile is offered by default.
  // Only in a live draft: once submitted (cleared), this page, still open below the result, must not start a new one.
  const kinds = serviceByCode(service ?? '')?.applicantKinds ?? []
  useEffect(() => {
    if (!service) return
    if (kinds.length === 1 && a.kind !== kinds[0]) set({ kind: kinds[0] })
    if (a.useIdentityMobile === undefined && identity) set({ useIdentityMobile: true })
  })

  const cc = a.kind === 'business' && a.creditCode ? checkCreditCode(a.creditCode) : null
  return (
    <StepPage step='applicant' errors={errors} onContinue={() => void proceed()}>
      {identity && <View className='info'>已通过渝快办实名：{identity.nameMasked}（{identity.idNumberMasked}）</View>}
      {kinds.length > 1 && (
        <ChoiceList path='applicant.kind' label='以什么名义申请？' error={errorFor('applicant.kind')} value={a.kind}
          onChange={(kind) => set({ kind })}
          choices={[
            { value: 'individual', label: '个人（含个体工商户）' },
            { value: 'business', label: '企业', description: '需要统一社会信用代码' },
          ]} />
      )}
      {a.kind === 'business' && (
        <View>
          <TextField path='applicant.businessName' label='企业名称' hint='与营业执照一致' value={a.businessName ?? ''}
            error={errorFor('applicant.businessName')} onChange={(businessName) => set({ businessName })} />
          <TextField path='applicant.creditCode' label='统一社会信用代码' hint='18位，见营业执照' maxlength={18}
            value={a.creditCode ?? ''} error={errorFor('applicant.creditCode')}
            onChange={(creditCode) => set({ creditCode: creditCode.toUpperCase(), creditCodeConfirmed: false })} />
          {cc?.ok && cc.warning && (
            <Label className='confirm-row confirm-row--boxed'>
              <Checkbox value='confirm' checked={!!a.creditCodeConfirmed} onClick={() => set({ creditCodeConfirmed: !a.creditCodeConfirmed })} />
              <Text>我已核对营业执照，代码无误</Text>
            </Label>
          )}
        </View>
      )}
      {a.kind === 'individual' && serviceByCode(service ?? '')?.asksShopName && (
        <TextField path='applicant.shopName' label='字号（可选）' hint='个体工商户营业执照上的名称，如“老王面馆”；没有可以不填'
          value={a.shopName ?? ''} error={errorFor('applicant.shopName')} onChange={(shopName) => set({ shopName })} maxlength={30} />
      )}
      <ChoiceList path='applicant.role' label='谁来办理？' error={errorFor('applicant.role')} value={a.role}
        onChange={(role) => set({ role })}
        choices={[
          { value: 'owner', label: '用电人本人办理' },
          { value: 'agent', label: '经办人代办', description: '需要用电人签署的授权委托书和经办人身份证件' },
        ]} />
      {a.role === 'agent' && (
        <Field path='applicant.agentLetterUploadId' label='授权委托书' error={errorFor('applicant.agentLetterUploadId')}>
          <FilePicker label='上传授权委托书（照片或PDF）' doneLabel='授权委托书已上传' allowPdf uploaded={!!a.agentLetterUploadId}
            onUploaded={(u) => set({ agentLetterUploadId: u.uploadId })} />
        </Field>
      )}
      <MobileField value={a} identityMobile={identity?.mobileMasked} error={errorFor('applicant.mobile')} onChange={set} />
    </StepPage>
  )
}
