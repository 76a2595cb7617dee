import { z } from 'zod'
import { endpoint } from './endpoint'
import { ROUTES } from './routes'
import {
  staffLoginBody, staffLoginResult, staffSchema, staffSearchQuery, staffSearchResult, staffCaseDetailSchema,
  revealBody, noteBody, urgeBody, followUpBody, reassignBody, reassignResult, staffNoteSchema, dashboardQuery, dashboardSchema, accessLogQuery, accessLogSchema,
  staffLockoutsSchema, lockoutParam,
} from './staff'
import { externalWorksBody } from './progress'
import { complaintAnswerBody, complaintParams } from './complaints'

const numberParam = z.object({ number: z.string().regex(/^WZ\d{14}$/, '申请编号格式不正确') })
const session = ['UNAUTHENTICATED', 'SESSION_EXPIRED', 'FORBIDDEN'] as const

export const staffEndpoints = {
  staffLogin: endpoint({
    ...ROUTES.staffLogin, summary: '工作人员登录（同一账号在同一地址连续5次失败即锁定该地址：15分钟起，再次锁定时长加倍，最长1天）', auth: 'none',
    body: staffLoginBody, response: staffLoginResult, errors: ['STAFF_LOGIN_FAILED', 'STAFF_LOCKED', 'RATE_LIMITED'],
  }),
  staffLogout: endpoint({ ...ROUTES.staffLogout, summary: '工作人员退出', auth: 'staff', response: z.object({ ok: z.literal(true) }), errors: [...session] }),
  staffMe: endpoint({ ...ROUTES.staffMe, summary: '当前工作人员', auth: 'staff', response: staffSchema, errors: [...session] }),
  staffSearch: endpoint({
    ...ROUTES.staffSearch, summary: '查找申请：编号、手机号、身份证号、统一社会信用代码精确匹配，姓名前缀匹配；可筛选（结果脱敏）', auth: 'staff',
    query: staffSearchQuery, response: staffSearchResult, errors: [...session],
  }),
  staffCase: endpoint({
    ...ROUTES.staffCase, summary: '案件详情：申请人所见全部内容、原始事件、证照核验、备注（本企业案件；读取记入访问日志）', auth: 'staff',
    params: numberParam, response: staffCaseDetailSchema, errors: [...session, 'NOT_FOUND'],
  }),
  staffReveal: endpoint({
    ...ROUTES.staffReveal, summary: '查看完整身份证号/手机号/姓名（须说明原因，记入访问日志）', auth: 'staff',
    params: numberParam, body: revealBody, response: z.object({ value: z.string() }), errors: [...session, 'NOT_FOUND'],
  }),
  staffNote: endpoint({
    ...ROUTES.staffNote, summary: '添加内部备注（申请人不可见）', auth: 'staff',
    params: numberParam, body: noteBody, response: z.object({ notes: z.array(staffNoteSchema) }), errors: [...session, 'NOT_FOUND'],
  }),
  staffUrge: endpoint({
    ...ROUTES.staffUrge, summary: '催办：记为事件并通知承办单位', auth: 'staff',
    params: numberParam, body: urgeBody, response: staffCaseDetailSchema, errors: [...session, 'NOT_FOUND', 'ACTION_NOT_ALLOWED'],
  }),
  staffExternalWorks: endpoint({
    ...ROUTES.staffExternalWorks, summary: '记录本件是否需要外部线路工程（国家新时限据此区分5或15个工作日；计时不变）', auth: 'staff',
    params: numberParam, body: externalWorksBody, response: staffCaseDetailSchema, errors: [...session, 'NOT_FOUND', 'ACTION_NOT_ALLOWED'],
  }),
  staffAnswerComplaint: endpoint({
    ...ROUTES.staffAnswerComplaint, summary: '答复投诉：本企业案件的在线投诉，答复后申请人可见（客服、班长、管理员；每件一次）', auth: 'staff',
    params: complaintParams, body: complaintAnswerBody, response: staffCaseDetailSchema, errors: [...session, 'NOT_FOUND', 'COMPLAINT_STATE'],
  }),
  staffFollowUp: endpoint({
    ...ROUTES.staffFollowUp, summary: '差评回访完成：记录回访情况（客服、班长、管理员）', auth: 'staff',
    params: numberParam, body: followUpBody, response: staffCaseDetailSchema, errors: [...session, 'NOT_FOUND', 'ACTION_NOT_ALLOWED'],
  }),
  staffReassign: endpoint({
    ...ROUTES.staffReassign, summary: '改派：把申请转给另一家供电企业办理（班长、管理员；须写明原因，记入日志；计时不变）', auth: 'staff',
    params: numberParam, body: reassignBody, response: reassignResult, errors: [...session, 'FORBIDDEN', 'NOT_FOUND', 'ACTION_NOT_ALLOWED'],
  }),
  staffDashboard: endpoint({
    ...ROUTES.staffDashboard, summary: '月度统计（班长、管理员）', auth: 'staff',
    query: dashboardQuery, response: dashboardSchema, errors: [...session],
  }),
  staffContractPdf: endpoint({
    ...ROUTES.staffContractPdf, summary: '案件已签署的《低压供用电合同》（PDF，用电人姓名脱敏；本企业案件；记入访问日志）', auth: 'staff',
    params: numberParam, response: z.string(), errors: [...session, 'NOT_FOUND', 'ACTION_NOT_ALLOWED'], raw: true,
  }),
  staffReportCsv: endpoint({
    ...ROUTES.staffReportCsv, summary: '月度报告 CSV（UTF-8 BOM；班长、管理员）', auth: 'staff',
    query: dashboardQuery, response: z.string(), errors: [...session], raw: true,
  }),
  staffUpload: endpoint({
    ...ROUTES.staffUpload, summary: '查看申请人上传的照片/文件（本企业案件；记入访问日志）', auth: 'staff',
    params: z.object({ uploadId: z.string().min(1).max(64) }), response: z.string(), errors: [...session, 'NOT_FOUND'], raw: true,
  }),
  staffAccessLog: endpoint({
    ...ROUTES.staffAccessLog, summary: '个人信息访问日志（管理员）', auth: 'staff',
    query: accessLogQuery, response: accessLogSchema, errors: [...session],
  }),
  staffLockouts: endpoint({
    ...ROUTES.staffLockouts, summary: '登录失败与锁定（按账号和地址；管理员）', auth: 'staff', response: staffLockoutsSchema, errors: [...session],
  }),
  staffLockoutClear: endpoint({
    ...ROUTES.staffLockoutClear, summary: '解除一条锁定并清除其失败次数与加倍记录（管理员；记入服务日志）', auth: 'staff',
    params: lockoutParam, response: staffLockoutsSchema, errors: [...session, 'NOT_FOUND'],
  }),
}
