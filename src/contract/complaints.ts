// Complaints made in the app: tracked like a case (received, answered, closed). The applicant files and closes;
// the staff of the case's enterprise answer. States come from src/core/complaints.ts.
import { z } from 'zod'
import { COMPLAINT_STATE_CODES } from '../core/complaints'

export const complaintSchema = z.object({
  id: z.string(),
  state: z.enum(COMPLAINT_STATE_CODES),
  stateName: z.string(),
  text: z.string(),
  receivedAt: z.iso.datetime(),
  /** the China date the enterprise's answer is due (a configured default number of working days) */
  answerDue: z.iso.date(),
  answerDueEstimated: z.boolean(),
  /** not answered and past answerDue */
  answerOverdue: z.boolean(),
  answer: z.string().nullable(),
  answeredAt: z.iso.datetime().nullable(),
  /** the enterprise that answered */
  answeredBy: z.string().nullable(),
  closedAt: z.iso.datetime().nullable(),
})
export type ComplaintView = z.infer<typeof complaintSchema>

export const complaintBody = z.object({
  text: z.string('请写明投诉的事项').trim().min(5, '请写明投诉的事项（至少5个字）').max(500, '投诉内容不超过500字'),
})
export const complaintAnswerBody = z.object({
  text: z.string('请填写答复内容').trim().min(5, '请写明答复内容（至少5个字）').max(500, '答复内容不超过500字'),
})
export const complaintParams = z.object({
  number: z.string().regex(/^WZ\d{14}$/, '申请编号格式不正确'),
  complaintId: z.string().regex(/^c_[0-9a-f-]{36}$/, '投诉编号格式不正确'),
})
