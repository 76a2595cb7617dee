// An applicant applying again and again over HTTP, as the app does: sign in through the mock 渝快办 consent
// page, consent, draft, materials (e-licences fetched with consent, or photos uploaded), answers, the contract
// summary signed by tap, and the submit with an Idempotency-Key. Every step is sent again until answered when a
// kill loses its answer; the submit with the same key and body, so the server must not store it twice.
import crypto from 'node:crypto'
import type { AxiosInstance } from 'axios'
import type { AnswersInput } from '../../../src/contract/answers'
import type { Receipt } from '../../../src/contract/applications'
import type { ErrorCode } from '../../../src/contract'
import { CONSENT_VERSION } from '../../../src/contract/auth'
import { ROUTES } from '../../../src/contract/routes'
import { serviceByCode, type Service } from '../../../src/core/services'
import { TOWNSHIPS } from '../../../src/core/wanzhou'
import { ApiError } from '../../../src/lib/http/api-error'
import { callApi, createHttp } from '../../../src/lib/http/client'
import { submitEvents } from '../../../mock/applications/events'
import { demoIdNumber } from '../../../mock/seed/seed'
import { CALLBACK, DEMO, form, redirectParams } from '../../contract/support/fixtures'
import { sample } from '../../contract/support/licence-fixtures'
import { untilAnswered, type Ledger, type SubmitEntry } from './ledger'
import type { Rand } from './rand'
import type { CrashServer } from './server'

/** How an applicant proves identity and property: 李明远 has both e-licences, 王芳 the ID card only, 赵强's are unusable. */
type Proofs = 'e-licences' | 'id-licence-and-photo' | 'photos'

/** the township of 李明远's property certificate's 坐落 (瀼渡镇) */
const CERTIFICATE_TOWNSHIP = '500101138'

export const APPLICANTS: { identity: string; proofs: Proofs }[] = [
  { identity: DEMO.li, proofs: 'e-licences' },
  { identity: DEMO.wang, proofs: 'id-licence-and-photo' },
  { identity: DEMO.zhao, proofs: 'photos' },
]

export interface LoadShared {
  server: CrashServer
  ledger: Ledger
  rand: Rand
  /** set when the run winds down: workers finish what they started (retries included) and return */
  stopping: boolean
  /** submits sent and not yet answered */
  submitsInFlight: number
  /** how long an answered submit takes, ms (a moving average) */
  submitMs: number
  /** hears of every acknowledged submit (the pushes take it from there) */
  onSubmitted: (entry: SubmitEntry) => void
}

const networkError = () => ApiError.client('NETWORK')

/** The app's HTTP client on the server, with the applicant's bearer token. */
export function clientWith(url: string, token?: string): AxiosInstance {
  const client = createHttp(url)
  if (token) client.defaults.headers.common.authorization = `Bearer ${token}`
  return client
}

/** Multipart upload as Taro.uploadFile sends it; the upload id. */
async function upload(url: string, token: string, bytes: Buffer): Promise<string> {
  const body = new FormData()
  body.append('file', new Blob([new Uint8Array(bytes)], { type: 'image/jpeg' }), 'photo.jpg')
  let envelope: { code: string; msg: string; data?: { uploadId: string } }
  try {
    const res = await fetch(`${url}${ROUTES.upload.path}`, { method: 'POST', body, headers: { authorization: `Bearer ${token}` } })
    envelope = (await res.json()) as typeof envelope
  } catch {
    throw networkError()
  }
  if (envelope.code !== '00' || !envelope.data) throw new ApiError(envelope.code as ErrorCode, envelope.msg)
  return envelope.data.uploadId
}

/** Taps 同意授权 on the mock consent page, signs in with the code and gives consent; a loss starts it over. */
async function signIn(url: string, identity: string): Promise<{ token: string; userId: string }> {
  let location: string | null
  try {
    const res = await fetch(`${url}/ykb/authorize`, form({ redirect_uri: CALLBACK, state: 'crash', scope: 'base,user,mobile', identity, decision: 'allow' }))
    location = res.headers.get('location')
    await res.arrayBuffer()
  } catch {
    throw networkError()
  }
  const code = location ? redirectParams(location).get('code') : null
  if (!code) throw new Error('the consent page gave no code')
  const login = await callApi('loginYkb', { body: { code } }, createHttp(url))
  await callApi('consent', { body: { version: CONSENT_VERSION, granted: true } }, clientWith(url, login.session.token))
  return { token: login.session.token, userId: login.me.userId }
}

export class Applicant {
  private token = ''
  private userId = ''
  /** set by the run after a restart: sign in again (a new session) before the next application */
  signInAgain = true
  submitted = 0

  constructor(private readonly shared: LoadShared, private readonly identity: string, private readonly proofs: Proofs) {}

  private get client(): AxiosInstance {
    return clientWith(this.shared.server.url, this.token)
  }

  private until<T>(call: () => Promise<T>, onLost?: () => void): Promise<T> {
    return untilAnswered(this.shared.server, this.shared.ledger, call, onLost)
  }

  /** Applies until the run winds down; a refusal is a problem of the run, reported, and the next round begins. */
  async run(): Promise<void> {
    let refusals = 0
    while (!this.shared.stopping && refusals < 5) {
      try {
        await this.applyOnce()
      } catch (err) {
        refusals++
        const what = err instanceof ApiError ? `${err.code} ${err.message} ${JSON.stringify(err.fieldErrors)}` : String(err)
        this.shared.ledger.problem(`${this.identity}: a step of applying was refused: ${what}`)
        await new Promise((r) => setTimeout(r, 200))
      }
    }
  }

  private async applyOnce(): Promise<void> {
    const url = this.shared.server.url
    if (this.signInAgain) {
      const session = await this.until(() => signIn(url, this.identity))
      this.token = session.token
      this.userId = session.userId
      this.signInAgain = false
    }
    const draftId = await this.until(() => this.currentDraft())
    const answers = this.answers(await this.until(() => this.materials()))
    await this.until(async () => {
      const current = await callApi('draftGet', {}, this.client)
      await callApi('draftSave', { body: { answers: answers as unknown as Record<string, unknown>, page: 'check', version: current?.version ?? 0 } }, this.client)
    })
    const summary = await this.until(() => callApi('contractSummary', { body: { answers } }, this.client))
    const body = { draftId, answers, signature: { method: 'tap' as const, contractHash: summary.hash } }
    const service = serviceByCode(answers.service) as Service
    const entry: SubmitEntry = {
      key: `crash-${crypto.randomUUID()}`, ownerId: this.userId, token: this.token, body, losses: 0,
      baseEvents: submitEvents(service, this.userId, body.signature, new Date()).map((e) => e.type),
    }
    this.shared.ledger.submits.set(entry.key, entry)
    const receipt = await this.until(() => this.submit(entry), () => { entry.losses++; entry.lostAt = Date.now() })
    entry.number = receipt.number
    entry.submittedAt = receipt.submittedAt
    this.submitted++
    this.shared.onSubmitted(entry)
  }

  private async submit(entry: SubmitEntry): Promise<Receipt> {
    this.shared.submitsInFlight++
    const started = Date.now()
    try {
      const receipt = await submitAgain(this.shared.server.url, entry)
      this.shared.submitMs = 0.9 * this.shared.submitMs + 0.1 * (Date.now() - started)
      return receipt
    } finally {
      this.shared.submitsInFlight--
    }
  }

  /** The current draft, or a new one. */
  private async currentDraft(): Promise<string> {
    const current = await callApi('draftGet', {}, this.client)
    if (current) return current.draftId
    const saved = await callApi('draftSave', { body: { answers: {}, page: 'service', version: 0 } }, this.client)
    return saved.draftId
  }

  private async photo(): Promise<string> {
    const id = await upload(this.shared.server.url, this.token, sample('jpeg', crypto.randomBytes(24).toString('hex')))
    this.shared.ledger.uploads.set(id, this.userId)
    return id
  }

  /** Notes an acknowledged material. */
  private material(id: string): string {
    this.shared.ledger.materials.set(id, this.userId)
    return id
  }

  private async materials(): Promise<{ idCard: string; property: string | null }> {
    const authorised = async (kinds: ('id-card' | 'property')[]) =>
      (await callApi('licencesAuthorised', { body: { kinds, useCause: '办理用电报装' } }, this.client)).licences.map((l) => this.material(l.materialId))
    const propertyPhoto = async () => this.material((await callApi('photoProperty', { body: { uploadId: await this.photo() } }, this.client)).materialId)
    if (this.proofs === 'e-licences') {
      const [idCard, property] = await authorised(['id-card', 'property'])
      return { idCard, property }
    }
    if (this.proofs === 'id-licence-and-photo') {
      const [idCard] = await authorised(['id-card'])
      return { idCard, property: await propertyPhoto() }
    }
    const idCard = await callApi('photoIdCard', {
      body: { frontUploadId: await this.photo(), backUploadId: await this.photo(), typed: { name: '赵强', idNumber: demoIdNumber(DEMO.zhao) } },
    }, this.client)
    return { idCard: this.material(idCard.materialId), property: this.shared.rand.chance(0.5) ? await propertyPhoto() : null }
  }

  private answers(m: { idCard: string; property: string | null }): AnswersInput {
    const r = this.shared.rand
    // 李明远's e-licence certificate lies in 瀼渡镇: his shop is there, or elsewhere with a reason (the address check)
    const township = this.proofs === 'e-licences' && r.chance(0.7) ? TOWNSHIPS.find((t) => t.code === CERTIFICATE_TOWNSHIP) ?? r.pick(TOWNSHIPS) : r.pick(TOWNSHIPS)
    const differs = this.proofs === 'e-licences' && township.code !== CERTIFICATE_TOWNSHIP
    const address = { townshipCode: township.code, detail: `${township.name}演示路${r.int(1, 300)}号`, ...(differs ? { differsReason: '新租店铺，与产权证书坐落不在同一乡镇' } : {}) }
    const materials = { idCard: { materialId: m.idCard }, property: m.property ? { materialId: m.property } : null }
    if (this.proofs === 'id-licence-and-photo' || (this.proofs === 'photos' && r.chance(0.5))) {
      return {
        service: 'resident', applicant: { kind: 'individual', role: 'owner', useIdentityMobile: true },
        address, load: { capacityKw: r.int(4, 20), use: 'home' }, materials,
      }
    }
    return {
      service: 'lv-business',
      applicant: { kind: 'business', businessName: `万州区压测商店${r.int(1, 9999)}号`, creditCode: '91350100M000100Y43', role: 'owner', mobile: '13800138000' },
      address, load: { capacityKw: r.int(5, 150), use: r.pick(['shop', 'office', 'workshop'] as const) }, materials,
      ...(r.chance(0.6) ? { joint: this.jointParts() } : {}),
    }
  }

  /** 同时办理: water, gas and broadband, each added half of the time (at least one), each consent mostly given. */
  private jointParts(): NonNullable<AnswersInput['joint']> {
    const r = this.shared.rand
    const all: { service: 'water-connect' | 'gas-connect' | 'telecom-connect'; answers: Record<string, string | number> }[] = [
      { service: 'water-connect', answers: { waterUse: 'business', people: r.int(1, 20) } },
      { service: 'gas-connect', answers: { appliances: 'commercial' } },
      { service: 'telecom-connect', answers: { bandwidth: r.pick(['300', '1000']) } },
    ]
    const picked = all.filter(() => r.chance(0.5))
    return (picked.length ? picked : [all[r.int(0, 2)]]).map((p) => ({ ...p, consent: r.chance(0.85) ? 'given' as const : 'refused' as const }))
  }
}

/** Sends a submit again exactly as it was sent: same key, same body, the owner's token of then. */
export function submitAgain(url: string, entry: SubmitEntry): Promise<Receipt> {
  return callApi('submit', { body: entry.body as never, headers: { 'Idempotency-Key': entry.key } }, clientWith(url, entry.token))
}
