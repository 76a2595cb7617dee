import { z } from 'zod'
import { endpoint } from './endpoint'
import { ROUTES } from './routes'
import { healthSchema, calendarSchema, townshipsSchema } from './system'
import { serviceCatalogueSchema } from './services'

export const systemEndpoints = {
  health: endpoint({
    ...ROUTES.health, summary: '健康检查（不套信封）', auth: 'none',
    response: healthSchema, errors: [], raw: true,
  }),
  services: endpoint({
    ...ROUTES.services, summary: '服务目录：环节、时限、材料、费用、供电企业', auth: 'none',
    response: serviceCatalogueSchema, errors: [],
  }),
  calendar: endpoint({
    ...ROUTES.calendar, summary: '工作日历（法定节假日与调休，含覆盖文件新增年份）', auth: 'none',
    query: z.object({ from: z.coerce.number().int().min(2000).max(2100).optional() }),
    response: calendarSchema, errors: [],
  }),
  townships: endpoint({
    ...ROUTES.townships, summary: '万州区52个乡镇街道及其默认供电企业', auth: 'none',
    response: townshipsSchema, errors: [],
  }),
}
