// The district's oversight figures: the staff session's calls for the oversight pages.
import type { OversightMonth, OversightTrend, OwnReport, ReportStatus } from '@/contract/oversight'
import { staffApi } from '@/features/staff/staff-api'
import { openStaffFile } from '@/features/staff/open-file'
import { fetchStaffText } from '@/features/staff/fetch-text'

export const loadDistrictMonth = (month: string): Promise<OversightMonth> => staffApi('oversightMonth', { query: { month } })
export const loadDistrictTrend = (to: string): Promise<OversightTrend> => staffApi('oversightTrend', { query: { to } })

/** Downloads (H5) or opens (weapp) the month's CSV; answers an error message, or null. */
export const downloadDistrictCsv = (month: string): Promise<string | null> =>
  openStaffFile(`/api/oversight/month.csv?month=${month}`, `wanzhou-district-${month}.csv`)

export const districtCsvText = (month: string): Promise<string> => fetchStaffText(`/api/oversight/month.csv?month=${month}`)

/** 按月报送: the district's view of which reports are in, late or missing, with any difference from the record. */
export const loadReportStatus = (month: string): Promise<ReportStatus> => staffApi('oversightReports', { query: { month } })
/** A 班长's own month: the figures now, and the frozen report once submitted. */
export const loadOwnReport = (month: string): Promise<OwnReport> => staffApi('staffOwnReport', { query: { month } })
/** Submits (and so freezes) the 班长's month. */
export const submitOwnReport = (month: string) => staffApi('staffSubmitReport', { body: { month } })
