import { ADDRESS_MISMATCH, MISMATCH_REASON_LENGTH, certificateTownshipIfDifferent } from '@/core/address-match'
import type { FieldError } from '@/contract'
import type { MaterialView } from '@/contract/licences'
import type { DraftAnswers } from './draft-answers'

/** The attached property certificate's 坐落, as the applicant's view shows it (down to the township). */
export function certificateLocation(answers: DraftAnswers, views: Record<string, MaterialView>): string | undefined {
  const id = answers.materials?.property?.materialId
  return id ? views[id]?.facts.find((f) => f.label === '坐落')?.value : undefined
}

/** The certificate's township when the address lies in another one (the server checks the same with the full 坐落). */
export function addressMismatch(answers: DraftAnswers, views: Record<string, MaterialView>) {
  const located = certificateLocation(answers, views)
  const township = located ? certificateTownshipIfDifferent(answers.address?.townshipCode, located) : undefined
  return township && located ? { township, located } : undefined
}

/** Before signing: an address in another township than the certificate's needs the applicant's reason. */
export function mismatchErrors(answers: DraftAnswers, views: Record<string, MaterialView>): FieldError[] {
  const reason = answers.address?.differsReason?.trim() ?? ''
  return addressMismatch(answers, views) && [...reason].length < MISMATCH_REASON_LENGTH.min
    ? [{ path: 'address.differsReason', message: ADDRESS_MISMATCH.reasonRequired }] : []
}
