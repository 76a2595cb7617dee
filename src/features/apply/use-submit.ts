import { useState } from 'react'
import type { FieldError } from '@/contract'
import type { SubmitBody } from '@/contract/applications'
import { ApiError } from '@/lib/http/api-error'
import { submitDraft } from './submit'
import { pagePath } from './steps'
import { leaveWizardFor } from './leave-wizard'

/**
 * Submit with the states a user needs to see: busy (no double submit), field errors from the server mapped
 * like the app's own, and a retry message for network failures (the draft and its key are kept).
 */
export function useSubmit(onFieldErrors: (errors: FieldError[]) => void) {
  const [busy, setBusy] = useState(false)
  const [failure, setFailure] = useState('')

  const submit = async (signature?: SubmitBody['signature']) => {
    if (busy) return
    setBusy(true)
    setFailure('')
    let number: string
    try {
      number = (await submitDraft(signature)).number
    } catch (e) {
      if (e instanceof ApiError && e.fieldErrors.length > 0) onFieldErrors(e.fieldErrors.map((f) => ({ ...f, path: f.path.replace(/^answers\./, '') })))
      else if (e instanceof ApiError && e.retryable) setFailure(`${e.message}。您的填写已保存，再点一次下方按钮重试，不会重复申请。`)
      else setFailure(e instanceof ApiError ? e.message : '提交失败，请重试')
      return
    } finally {
      setBusy(false)
    }
    leaveWizardFor(`${pagePath('result')}?number=${number}`)
  }
  return { submit, busy, failure }
}
