// 主动服务 for staff: registering a lead (its owner is invited at once) and the enterprise's leads with their outcomes.
import type { Lead, LeadRegisterBody } from '@/contract/leads'
import { staffApi } from '@/features/staff/staff-api'

export const leadsApi = {
  register: (body: LeadRegisterBody): Promise<Lead> => staffApi('staffLeadRegister', { body }),
  mine: async (): Promise<Lead[]> => (await staffApi('staffLeads')).leads,
}
