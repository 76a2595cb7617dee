import { useEffect, useState } from 'react'
import { View, Text } from '@tarojs/components'
import type { FieldError } from '@/contract'
import type { AnswersInput } from '@/contract/answers'
import type { ContractSummary } from '@/contract/applications'
import { fetchContractSummary } from '@/features/apply/api/contract-and-receipt'
import { ApiError } from '@/lib/http/api-error'
import { StepPage } from '@/features/apply/components/step-page'
import { useDraft } from '@/features/apply/stores/draft-store'
import { openStep } from '@/features/apply/use-step'
import { validateAll } from '@/features/apply/validate'
import { useSubmit } from '@/features/apply/use-submit'
import { stepOfPath } from '@/features/apply/submit'
import { useSession } from '@/features/auth/stores/session-store'
import './sign.css'

/** Low voltage: read the 《低压供用电合同》 summary and sign by tapping; the signature covers its hash. */
export default function SignPage() {
  const signer = useSession((s) => s.me?.identity?.nameMasked)
  const [summary, setSummary] = useState<ContractSummary | null>(null)
  const [loadError, setLoadError] = useState('')
  const [errors, setErrors] = useState<FieldError[]>([])
  const [agreed, setAgreed] = useState(false)
  const { submit, busy, failure } = useSubmit(setErrors)

  // The summary is built once from the answers as they are when the page opens (they cannot change here). An
  // unfinished draft (opened from a link or after an edit elsewhere) names what is missing instead of asking the
  // server, whose schema errors would only say that whole parts are absent.
  useEffect(() => {
    const missing = validateAll(useDraft.getState().answers)
    if (missing.length) {
      setErrors(missing)
      setLoadError('申请信息尚未填写完整：请点上面的每一项去补全，补全后再签署合同')
      return
    }
    fetchContractSummary(useDraft.getState().answers as AnswersInput)
      .then(setSummary)
      .catch((e: unknown) => {
        if (e instanceof ApiError && e.fieldErrors.length) setErrors(e.fieldErrors.map((f) => ({ ...f, path: f.path.replace(/^answers\./, '') })))
        else setLoadError(e instanceof ApiError ? e.message : '合同摘要加载失败，请重试')
      })
  }, [])

  const onContinue = () => {
    // unfinished answers: the button takes the applicant to the first thing missing
    if (!summary) return errors[0] ? openStep(stepOfPath(errors[0].path), 'from=check') : undefined
    if (!agreed) return setErrors([{ path: 'signature', message: '请阅读合同摘要，勾选同意后签署' }])
    setErrors([])
    void submit({ method: 'tap', contractHash: summary.hash })
  }

  return (
    <StepPage step='sign' errors={errors} onContinue={onContinue} busy={busy || (!summary && !loadError)} continueLabel='签署并提交申请'
      onErrorSelect={(e) => openStep(stepOfPath(e.path), 'from=check')}
      lead='低压用电在受理时在线签订供用电合同，无需到营业厅。'>
      {failure && <View className='notice' role='alert'>{failure}</View>}
      {loadError && <View className='notice' role='alert'>{loadError}</View>}
      {!summary && !loadError && <View className='skeleton-line' aria-busy='true' aria-label='正在加载合同摘要' />}
      {summary && (
        <View className='contract'>
          <Text className='contract__title'>{summary.title}</Text>
          {summary.sections.map((s) => (
            <View className='contract__section' key={s.heading}>
              <Text className='contract__heading'>{s.heading}</Text>
              <Text className='contract__text'>{s.text}</Text>
            </View>
          ))}
          <Text className='contract__hash'>合同摘要校验码：{summary.hash.slice(0, 16)}…</Text>
        </View>
      )}
      {summary && (
        <View id='field-signature' className={`sign-box${agreed ? ' sign-box--agreed' : ''}`} role='checkbox' aria-checked={agreed}
          onClick={() => setAgreed(!agreed)}>
          <View className='choice__mark' aria-hidden>{agreed ? '✓' : ''}</View>
          <Text className='sign-box__text'>我{signer ? `（${signer}）` : ''}已阅读并同意《低压供用电合同》，点击签署即视为本人电子签名</Text>
        </View>
      )}
    </StepPage>
  )
}
