// Production's SMS sender: a signed JSON POST of each message to the configured gateway (SMS_ENDPOINT), with a
// timeout; the outbox retries, so this tries once. The gateway answers {code: "00"} when it has taken the message.
import type { SmsSettings } from '../config'
import { isRetryableStatus, OutboundError, sendSigned } from '../http/outbound'
import type { SmsMessage, SmsResult, SmsSender } from './port'

export const SMS_TIMEOUT_MS = 5000

export function httpSmsSender(settings: SmsSettings, o: { now?: () => Date; timeoutMs?: number } = {}): SmsSender {
  const url = new URL(settings.endpoint)
  const client = { credentials: { appKey: settings.appKey, secret: settings.secret }, timeoutMs: o.timeoutMs ?? SMS_TIMEOUT_MS, retries: 0, backoff: { baseMs: 0, capMs: 0 }, now: o.now }
  return {
    kind: 'http',
    async send(m: SmsMessage): Promise<SmsResult> {
      try {
        const res = await sendSigned(client, {
          method: 'POST', url, idempotent: true, headers: { 'idempotency-key': m.messageId },
          body: { messageId: m.messageId, to: m.to, text: m.text, template: m.template },
        })
        const body = JSON.parse(res.bytes.toString('utf8') || 'null') as { code?: string; msg?: string } | null
        if (res.status >= 200 && res.status < 300 && body?.code === '00') return { outcome: 'sent' }
        const error = `HTTP ${res.status}${body?.msg ? `: ${body.msg}` : ''}`
        return isRetryableStatus(res.status) || res.status < 400 ? { outcome: 'retry', error } : { outcome: 'refused', error }
      } catch (err) {
        if (err instanceof OutboundError) return { outcome: 'retry', error: err.message }
        if (err instanceof SyntaxError) return { outcome: 'retry', error: 'the gateway answered something that is not JSON' }
        throw err
      }
    },
  }
}
