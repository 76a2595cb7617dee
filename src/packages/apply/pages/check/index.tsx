import { asksFor, serviceByCode } from '@/core/services'
import { useEffect, useState } from 'react'
import { View, Text } from '@tarojs/components'
import type { FieldError } from '@/contract'
import { StepPage } from '@/features/apply/components/step-page'
import { MaterialCard } from '@/features/apply/components/licences/material-card'
import { useDraft } from '@/features/apply/stores/draft-store'
import { validateAll } from '@/features/apply/validate'
import { mismatchErrors } from '@/features/apply/certificate-address'
import { CertificateAddressBox } from '@/features/apply/components/certificate-address-box'
import { openStep } from '@/features/apply/use-step'
import { useSubmit } from '@/features/apply/use-submit'
import { useShownErrors } from '@/features/apply/use-shown-errors'
import { stepOfPath } from '@/features/apply/submit'
import { useSession } from '@/features/auth/stores/session-store'
import { useSupplierFor } from '@/features/services/stores/townships-store'
import { ContractSign } from '@/features/apply/components/contract-sign'
import { useContractSummary } from '@/features/apply/use-contract-summary'
import { answerGroups } from './answer-rows'
import './check.css'

const NOT_SIGNED: FieldError = { path: 'signature', message: '请阅读合同摘要，勾选同意后签署' }

/**
 * Check your answers: every answer with 修改 back to its page; then, for low voltage, the contract signed on the
 * same page (as GOV.UK's check-answers page ends with the declaration and 'Accept and send'), or submitting.
 */
export default function CheckPage() {
  const answers = useDraft((s) => s.answers)
  const views = useDraft((s) => s.materials)
  const identity = useSession((s) => s.me?.identity)
  const identityMobile = identity?.mobileMasked
  const service = serviceByCode(answers.service ?? '')
  const signsNow = service?.signsContractOnApplying ?? true
  const [agreed, setAgreed] = useState(false)
  // what is wrong now: every page's answers, the address against the certificate, and the signature when it is due
  const problems = (): FieldError[] => {
    const found = [...validateAll(answers), ...mismatchErrors(answers, views)]
    return found.length > 0 || !signsNow || agreed ? found : [NOT_SIGNED]
  }
  const [errors, setErrors] = useShownErrors(problems, [answers, views, agreed])
  const { submit, busy, failure } = useSubmit(setErrors)
  const m = answers.materials ?? {}
  const supplier = useSupplierFor(answers.address?.townshipCode)
  // the contract of complete answers only: an unfinished draft is told what is missing on 签署并提交
  const complete = validateAll(answers).length === 0
  const contract = useContractSummary(signsNow && complete ? answers : null)
  // answers changed (修改 and back): a new summary, read and agreed afresh
  useEffect(() => setAgreed(false), [contract.summary?.hash])

  const onContinue = () => {
    const found = problems()
    setErrors(found)
    if (found.length > 0) return
    if (!signsNow) return void submit()
    if (!contract.summary) return
    void submit({ method: 'tap', contractHash: contract.summary.hash })
  }

  const edit = (step: Parameters<typeof openStep>[0]) => openStep(step, 'from=check')
  return (
    <StepPage step='check' errors={errors} onContinue={onContinue} busy={busy || (signsNow && complete && !contract.summary && !contract.error)}
      continueLabel={signsNow ? '签署并提交申请' : '提交申请'}
      lead={signsNow ? '请逐项核对，需要改的点“修改”；无误后阅读下方合同摘要并签署。' : '请逐项核对，需要改的点“修改”。'}
      onErrorSelect={(e) => (e.path.startsWith('signature') ? undefined : edit(stepOfPath(e.path)))}>
      {failure && <View className='notice' role='alert'>{failure}</View>}
      <CertificateAddressBox error={errors.find((e) => e.path === 'address.differsReason')?.message} />
      {answerGroups(answers, identityMobile, supplier?.supplier).map((g) => (
        <View className='check-group' key={g.step}>
          <View className='check-group__head'>
            <Text className='check-group__title'>{g.title}</Text>
            <View className='check-group__edit' role='button' aria-label={`修改${g.title}`} onClick={() => edit(g.step)}>修改</View>
          </View>
          {g.rows.map((r) => (
            <View className='check-row' key={r.label}>
              <Text className='check-row__label'>{r.label}</Text>
              <Text className='check-row__value'>{r.value}</Text>
            </View>
          ))}
        </View>
      ))}
      <View className='check-group'>
        <View className='check-group__head'>
          <Text className='check-group__title'>证照材料</Text>
          <View className='check-group__edit' role='button' aria-label='修改证照材料' onClick={() => edit('licences')}>修改</View>
        </View>
        {[m.idCard, m.agentIdCard, m.property].map((ref) => ref?.materialId && views[ref.materialId]
          ? <MaterialCard key={ref.materialId} view={views[ref.materialId]} /> : null)}
        {m.property === null && (
          <Text className='check-row__value'>物权证明：一证受理，以后补交{m.propertyUndertaking ? '（已自愿承诺补交）' : ''}</Text>
        )}
        {asksFor(service, 'project-approval') && <Text className='check-row__value'>用电工程项目批准文件：{m.projectApprovalUploadId ? '已上传' : '未上传'}</Text>}
      </View>
      {signsNow && complete && (
        <ContractSign summary={contract.summary} error={contract.error} agreed={agreed} onToggle={() => setAgreed(!agreed)} signer={identity?.nameMasked} />
      )}
    </StepPage>
  )
}
