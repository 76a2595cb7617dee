import { useState } from 'react'
import type { LicenceKind, MaterialView } from '@/contract/licences'
import { callApi } from '@/lib/http/client'
import { ApiError } from '@/lib/http/api-error'
import { useSession, selectHasIdentity } from '@/features/auth/stores/session-store'
import { startYkbAuthorize } from '@/features/auth/ykb-authorize'
import { pagePath, type StepId } from './steps'

const MISSING: Record<LicenceKind, string> = {
  'id-card': '渝快办电子证照库中没有查到您的身份证电子证照，请改用扫码或拍照',
  property: '渝快办电子证照库中没有查到您名下的不动产权证书，可扫描纸质证书二维码、拍照上传，或选择一证受理',
}

/**
 * Authorised retrieval from the 渝快办 e-licence library, with the use cause stated. Without a 渝快办 identity
 * (WeChat sign-in) it first sends the applicant to authorise one, then back to the journey page `from`.
 */
export function useAuthorisedFetch(useCause: string, onResult: (views: MaterialView[]) => void, from: StepId = 'licences') {
  const hasIdentity = useSession(selectHasIdentity)
  const [busy, setBusy] = useState<LicenceKind[] | null>(null)
  const [messages, setMessages] = useState<Partial<Record<LicenceKind | 'form', string>>>({})

  const run = async (kinds: LicenceKind[]) => {
    if (!hasIdentity) return startYkbAuthorize(pagePath(from))
    setBusy(kinds)
    setMessages({})
    try {
      const r = await callApi('licencesAuthorised', { body: { kinds, useCause } })
      onResult(r.licences)
      setMessages(Object.fromEntries(r.missing.map((k) => [k, MISSING[k]])))
    } catch (e) {
      setMessages({ form: e instanceof ApiError ? e.message : '调取失败，请重试' })
    } finally {
      setBusy(null)
    }
  }
  return { run, busy, messages }
}
