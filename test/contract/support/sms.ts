import type { Db } from '../../../mock/db/open'

/** The verification code in the latest lookup SMS the outbox holds (the demo sender keeps texts, as its page shows them). */
export function latestLookupCode(db: Db): string {
  const text = db.prepare("SELECT text FROM sms_outbox WHERE template = 'sms-lookup-code' ORDER BY id DESC LIMIT 1").pluck().get() as string | undefined
  const code = text && /验证码(\d{6})/.exec(text)?.[1]
  if (!code) throw new Error('no lookup SMS in the outbox')
  return code
}
