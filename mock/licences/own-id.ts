// Whose ID card it is: the signed-in person's own card must carry their 渝快办 real-name identity's number. One check
// for the photo step (as soon as a photo is recognised, or a number typed) and for submission.
import { AppError } from '../http/app-error'

export const sameIdNumber = (a: string | null | undefined, b: string): boolean => (a ?? '').toUpperCase() === b.toUpperCase()

/** What the applicant is told, by whose card it had to be. */
export const NOT_OWN_ID = {
  owner: '本人办理须使用您本人的身份证：该证件号码与您渝快办实名认证的身份不一致。为他人办理请在“申请人信息”中选择代理人办理',
  agent: '经办人身份证须为您本人的：该证件号码与您渝快办实名认证的身份不一致',
} as const

/** Refuses (ID_NOT_OWN) an ID number that is not the signed-in identity's. */
export function requireOwnId(idNumber: string | null | undefined, identityIdNumber: string): void {
  if (!sameIdNumber(idNumber, identityIdNumber)) throw new AppError('ID_NOT_OWN')
}
