// Sends a signed push over HTTP (used by the CLI and the tests): the body is serialised once and those exact
// bytes are both signed and sent.
import type { z } from 'zod'
import type { pushBody, pushResult } from '../../src/contract/progress'
import { ROUTES } from '../../src/contract/routes'
import { signedHeaders, type PushCredentials } from './signing'

export interface PushAnswer {
  status: number
  code: string
  msg: string
  data: z.infer<typeof pushResult> | null
  errors?: { path: string; message: string }[]
}

export interface SendOptions {
  base: string
  client: PushCredentials
  body: z.input<typeof pushBody>
  /** the sender's clock (X-Timestamp) */
  now?: Date
  nonce?: string
}

export async function sendPush({ base, client, body, now = new Date(), nonce }: SendOptions): Promise<PushAnswer> {
  const raw = JSON.stringify(body)
  const res = await fetch(`${base.replace(/\/$/, '')}${ROUTES.push.path}`, { method: 'POST', headers: signedHeaders(client, raw, now, nonce), body: raw })
  return { status: res.status, ...((await res.json()) as Omit<PushAnswer, 'status'>) }
}
