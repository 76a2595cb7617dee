// A signed-in applicant with one submitted application, made over HTTP against the running mock server the
// way the app makes it: the mock 渝快办 consent page, login, the personal-information consent, the e-licences,
// a draft, the contract summary, a signed submission.
import type { LoginResult, Me } from '../../../src/contract/auth'
import { CONSENT_VERSION } from '../../../src/contract/constants'
import { callApi, createHttp } from '../../../src/lib/http/client'
import { CALLBACK, DEMO, form, newDraft, redirectParams, shopAnswers, signedBody, submit } from '../../contract/support/fixtures'

export interface SubmittedApplicant {
  session: LoginResult['session']
  me: Me
  /** the number of the application submitted */
  number: string
}

/** Taps 同意授权 as `identity` on the mock 渝快办 consent page and returns the one-time code. */
async function consentCode(baseUrl: string, identity: string): Promise<string> {
  const res = await fetch(`${baseUrl}/ykb/authorize`, form({ redirect_uri: CALLBACK, state: 'lighthouse', scope: 'base,user,mobile', identity, decision: 'allow' }))
  const location = res.headers.get('location')
  if (res.status !== 302 || !location) throw new Error(`the mock 渝快办 consent page answered ${res.status}`)
  const code = redirectParams(location).get('code')
  if (!code) throw new Error('the consent redirect carries no code')
  return code
}

/** 李明远 signs in, agrees to the notice, authorises both e-licences and submits a small-shop application. */
export async function submittedApplicant(baseUrl: string): Promise<SubmittedApplicant> {
  const anonymous = createHttp(baseUrl)
  const { session } = await callApi('loginYkb', { body: { code: await consentCode(baseUrl, DEMO.li) } }, anonymous)
  const client = createHttp(baseUrl)
  client.defaults.headers.common.authorization = `Bearer ${session.token}`
  const me = await callApi('consent', { body: { version: CONSENT_VERSION, granted: true } }, client)
  const fetched = await callApi('licencesAuthorised', { body: { kinds: ['id-card', 'property'], useCause: '办理低压用电报装' } }, client)
  const idCard = fetched.licences.find((l) => l.kind === 'id-card' && l.status === 'current')
  const property = fetched.licences.find((l) => l.kind === 'property' && l.status === 'current')
  if (!idCard || !property) throw new Error(`the demo applicant's e-licences are missing (${fetched.missing.join(', ')})`)
  const answers = shopAnswers({ idCard: idCard.materialId, property: property.materialId })
  const draftId = await newDraft({ client }, answers)
  const receipt = await submit({ client }, await signedBody({ client }, draftId, answers))
  return { session, me, number: receipt.number }
}

/** The localStorage entry the H5 app's persisted session store reads at start (Taro wraps values as {data}). */
export function sessionStorageEntry(a: Pick<SubmittedApplicant, 'session' | 'me'>): { key: string; value: string } {
  const persisted = JSON.stringify({ state: { session: a.session, me: a.me }, version: 1 })
  return { key: 'wz-session', value: JSON.stringify({ data: persisted }) }
}
