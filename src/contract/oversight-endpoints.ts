import { z } from 'zod'
import { endpoint } from './endpoint'
import { ROUTES } from './routes'
import { oversightMonthQuery, oversightMonthSchema, oversightTrendQuery, oversightTrendSchema, ownReportSchema, publicTimesSchema, reportStatusSchema, submitReportBody, submittedReportSchema } from './oversight'

const session = ['UNAUTHENTICATED', 'SESSION_EXPIRED', 'FORBIDDEN'] as const

export const oversightEndpoints = {
  oversightMonth: endpoint({
    ...ROUTES.oversightMonth, summary: '区经信委月度监督：各供电企业并列的受理、办结、在办、超时、用时、满意度与差评回访（仅汇总数据；区经信委、管理员）', auth: 'staff',
    query: oversightMonthQuery, response: oversightMonthSchema, errors: [...session],
  }),
  oversightTrend: endpoint({
    ...ROUTES.oversightTrend, summary: '各项指标近12个月趋势（截至所选月份；区经信委、管理员）', auth: 'staff',
    query: oversightTrendQuery, response: oversightTrendSchema, errors: [...session],
  }),
  oversightCsv: endpoint({
    ...ROUTES.oversightCsv, summary: '区经信委月度监督 CSV（UTF-8 BOM；各企业并列，无个人信息）', auth: 'staff',
    query: oversightMonthQuery, response: z.string(), errors: [...session], raw: true,
  }),
  publicTimes: endpoint({
    ...ROUTES.publicTimes, summary: '公开：近12个月各供电企业各业务实际接电用时（中位数、90%分位、时限内占比）、办结件数、满意度与承诺时限；不足5件不公布；每日更新（免登录）', auth: 'none',
    response: publicTimesSchema, errors: [],
  }),
  staffSubmitReport: endpoint({
    ...ROUTES.staffSubmitReport, summary: '按月报送：班长报送本企业已结束月份的月度数据，报送即封存（含摘要），不能修改或重报', auth: 'staff',
    body: submitReportBody, response: submittedReportSchema, errors: [...session, 'REPORT_FROZEN'],
  }),
  staffOwnReport: endpoint({
    ...ROUTES.staffOwnReport, summary: '按月报送：班长查看本企业某月的数据（按事件记录现算）与已报送的封存报告（含摘要、是否逾期）', auth: 'staff',
    query: oversightMonthQuery, response: ownReportSchema, errors: [...session],
  }),
  oversightReports: endpoint({
    ...ROUTES.oversightReports, summary: '各企业月报报送情况（按时、逾期、未报）及与事件记录重新计算结果的差异（区经信委、管理员）', auth: 'staff',
    query: oversightMonthQuery, response: reportStatusSchema, errors: [...session],
  }),
}
