import type { SmsSender } from './port'

/** The demo's sender: nothing leaves the machine; the outbox keeps each message for the demo page (/ykb/sms). */
export const demoOutboxSender: SmsSender = {
  kind: 'demo-outbox',
  send: async () => ({ outcome: 'sent' }),
}
