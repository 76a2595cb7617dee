// The staff feature's questions to the API: every call the staff pages make, named for what it does. The pages ask
// these; the session, its renewal and the refusal that sends staff back to sign in are handled once, in staffApi.
import type { BodyOf, QueryOf } from '@/contract'
import { ROUTES } from '@/contract/routes'
import type { SupplierCode } from '@/core/services'
import { staffApi } from './staff-api'
import { openStaffFile } from './open-file'
import { fetchStaffText } from './fetch-text'

const reportQuery = (month: string, supplier?: SupplierCode) => `month=${month}${supplier ? `&supplier=${supplier}` : ''}`
const onCase = (path: string, number: string) => path.replace(':number', encodeURIComponent(number))

export const staffCases = {
  search: (query: QueryOf<'staffSearch'>) => staffApi('staffSearch', { query }),
  /** the case view (its reading is logged) */
  detail: (number: string) => staffApi('staffCase', { params: { number } }),
  reveal: (number: string, body: BodyOf<'staffReveal'>) => staffApi('staffReveal', { params: { number }, body }),
  note: (number: string, text: string) => staffApi('staffNote', { params: { number }, body: { text } }),
  urge: (number: string, message: string) => staffApi('staffUrge', { params: { number }, body: { message } }),
  externalWorks: (number: string, body: BodyOf<'staffExternalWorks'>) => staffApi('staffExternalWorks', { params: { number }, body }),
  followUp: (number: string, note: string) => staffApi('staffFollowUp', { params: { number }, body: { note } }),
  answerComplaint: (number: string, complaintId: string, text: string) => staffApi('staffAnswerComplaint', { params: { number, complaintId }, body: { text } }),
  reassign: (number: string, body: BodyOf<'staffReassign'>) => staffApi('staffReassign', { params: { number }, body }),
  /** the signed contract as a PDF (signer's name masked); a Chinese error message, or null when it opened */
  openContract: (number: string) => openStaffFile(onCase(ROUTES.staffContractPdf.path, number)),
}

export const staffReports = {
  dashboard: (month: string, supplier?: SupplierCode) => staffApi('staffDashboard', { query: { month, supplier } }),
  /** the month's CSV as text (the printable report reads its case table) */
  csvText: (month: string, supplier?: SupplierCode) => fetchStaffText(`${ROUTES.staffReportCsv.path}?${reportQuery(month, supplier)}`),
  /** the month's CSV saved (H5) or opened (weapp) under `fileName` */
  saveCsv: (month: string, supplier: SupplierCode | undefined, fileName: string) =>
    openStaffFile(`${ROUTES.staffReportCsv.path}?${reportQuery(month, supplier)}`, fileName),
}

export const staffAdmin = {
  lockouts: () => staffApi('staffLockouts'),
  clearLockout: (id: string) => staffApi('staffLockoutClear', { params: { id } }),
}
