// The track feature's questions to the API: one place for every call the tracking pages make.
import type { BodyOf } from '@/contract'
import { callApi, currentToken, refreshSession } from '@/lib/http/client'
import { ROUTES } from '@/contract/routes'
import { openProtectedFile } from '@/lib/files/open-protected'

/** The signed contract (PDF) opened with the applicant's session, renewed once if it has expired; an error message or null. */
async function openContract(number: string): Promise<string | null> {
  const path = ROUTES.contractPdf.path.replace(':number', encodeURIComponent(number))
  const open = () => openProtectedFile(path, { authorization: `Bearer ${currentToken() ?? ''}` })
  let r = await open()
  if (r.status === 401 && (await refreshSession())) r = await open()
  return r.status === 401 ? '登录已过期，请重新登录后再查看' : r.error
}

export const trackApi = {
  /** the signed-in applicant's applications */
  mine: () => callApi('myApplications'),
  detail: (number: string) => callApi('applicationDetail', { params: { number } }),
  /** the case's version: the detail is read again only when it differs from the one the detail came with */
  version: (number: string) => callApi('applicationVersion', { params: { number } }),
  /** the same case for someone who looked it up without signing in (number + mobile + code) */
  detailByLookup: (number: string, token: string) => callApi('lookupRefresh', { params: { number }, headers: { 'X-Lookup-Token': token } }),
  versionByLookup: (number: string, token: string) => callApi('lookupVersion', { params: { number }, headers: { 'X-Lookup-Token': token } }),
  lookupCode: (body: BodyOf<'lookupCode'>) => callApi('lookupCode', { body }),
  lookup: (body: BodyOf<'lookup'>) => callApi('lookup', { body }),
  dispute: (number: string, body: BodyOf<'dispute'>) => callApi('dispute', { params: { number }, body }),
  supplement: (number: string, body: BodyOf<'supplement'>) => callApi('supplement', { params: { number }, body }),
  /** 一证受理: the property proof handed in after submission (an attached material's id) */
  propertyProof: (number: string, materialId: string) => callApi('propertyProof', { params: { number }, body: { materialId } }),
  checkpointMaterials: (number: string, body: BodyOf<'checkpointMaterials'>) => callApi('checkpointMaterials', { params: { number }, body }),
  rate: (number: string, body: BodyOf<'rate'>) => callApi('rate', { params: { number }, body }),
  complain: (number: string, text: string) => callApi('complain', { params: { number }, body: { text } }),
  closeComplaint: (number: string, complaintId: string) => callApi('closeComplaint', { params: { number, complaintId }, body: {} }),
  openContract,
}
