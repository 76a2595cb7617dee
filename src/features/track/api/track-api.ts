// The track feature's questions to the API: one place for every call the tracking pages make.
import type { BodyOf } from '@/contract'
import { callApi } from '@/lib/http/client'

export const trackApi = {
  /** the signed-in applicant's applications */
  mine: () => callApi('myApplications'),
  detail: (number: string) => callApi('applicationDetail', { params: { number } }),
  /** the same case for someone who looked it up without signing in (number + mobile + code) */
  detailByLookup: (number: string, token: string) => callApi('lookupRefresh', { params: { number }, headers: { 'X-Lookup-Token': token } }),
  lookupCode: (body: BodyOf<'lookupCode'>) => callApi('lookupCode', { body }),
  lookup: (body: BodyOf<'lookup'>) => callApi('lookup', { body }),
  dispute: (number: string, body: BodyOf<'dispute'>) => callApi('dispute', { params: { number }, body }),
  supplement: (number: string, body: BodyOf<'supplement'>) => callApi('supplement', { params: { number }, body }),
  checkpointMaterials: (number: string, body: BodyOf<'checkpointMaterials'>) => callApi('checkpointMaterials', { params: { number }, body }),
  rate: (number: string, body: BodyOf<'rate'>) => callApi('rate', { params: { number }, body }),
  complain: (number: string, text: string) => callApi('complain', { params: { number }, body: { text } }),
  closeComplaint: (number: string, complaintId: string) => callApi('closeComplaint', { params: { number, complaintId }, body: {} }),
}
