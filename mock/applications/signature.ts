import type { z } from 'zod'
import type { FieldError } from '../../src/contract'
import type { submitBody } from '../../src/contract/applications'
import { maskName } from '../../src/core/masking'
import type { Db } from '../db/open'
import { getUser, identityOf } from '../auth/users'
import { serviceByCode } from '../../src/core/services'
import { buildContractSummary } from './contract-summary'
import { currentSupply } from '../supply-source'

export type SubmitInput = z.output<typeof submitBody>

/** The signer as the contract names them: the bound 渝快办 identity's masked name. */
export function signerName(db: Db, userId: string): string {
  const identity = identityOf(db, getUser(db, userId))
  return identity ? maskName(identity.name) : '申请人本人'
}

/** Low voltage is signed at 受理签约: the signature must cover the contract these very answers produce. */
export function signatureErrors(db: Db, userId: string, { answers, signature }: SubmitInput): FieldError[] {
  if (!serviceByCode(answers.service)?.signsContractOnApplying) return []
  if (!signature) return [{ path: 'signature', message: '请阅读并签署《低压供用电合同》后再提交' }]
  const errors: FieldError[] = []
  if (signature.method === 'typed-name' && !signature.typedName) errors.push({ path: 'signature.typedName', message: '请输入您的姓名完成签署' })
  if (signature.contractHash !== buildContractSummary(answers, signerName(db, userId), currentSupply(db).settings).hash) {
    errors.push({ path: 'signature.contractHash', message: '合同内容已变化，请重新阅读后签署' })
  }
  return errors
}
