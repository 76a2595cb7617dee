// The seam to the SMS gateway: what the outbox asks of a sender, and what it answers. The demo's sender is its
// outbox page (demo-sender.ts); production's is an HTTP gateway (http-sender.ts). Timeouts live in the adapter,
// retries in the outbox (outbox.ts), nowhere else.

export interface SmsMessage {
  /** idempotency key: the gateway sends one message per id however often it is handed over */
  messageId: string
  /** the full mobile number */
  to: string
  text: string
  template: string
}

export type SmsResult =
  | { outcome: 'sent' }
  /** worth trying again later: timeout, no connection, 5xx, 408, 429 */
  | { outcome: 'retry'; error: string }
  /** the gateway refused the message itself (4xx): retrying cannot help */
  | { outcome: 'refused'; error: string }

export interface SmsSender {
  /** 'demo-outbox' keeps what it was given for the demo page; any other sender's messages are scrubbed once sent */
  readonly kind: 'demo-outbox' | 'http'
  send(message: SmsMessage): Promise<SmsResult>
}
