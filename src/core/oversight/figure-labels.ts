// The Chinese name of each figure of an enterprise's month, by its dot path in the report (as figureDifferences
// names it), so that a difference between a report and the record reads as words. Pure.
import type { ProviderCode } from '../providers'
import { servicesOfProvider } from '../services'

const TOP: Record<string, string> = {
  received: '本月受理', completed: '本月办结', inProgress: '在办', overdue: '超时在办', provider: '企业', name: '企业名称',
}
const SERVICE: Record<string, string> = {
  completed: '办结', mean: '平均用时', median: '用时中位数', p90: '用时90%分位', withinTargetShare: '时限内占比',
  target: '时限', targetKind: '时限类型', service: '业务', name: '业务名称',
}
const GROUPS: Record<string, { name: string; keys: Record<string, string> }> = {
  pauses: { name: '暂停', keys: { cases: '暂停计时的办结件', meanPausedDays: '平均暂停工作日' } },
  disputes: { name: '异议', keys: { count: '对暂停或补正的异议', notMine: '“这不是我的原因”' } },
  completion: { name: '完成率', keys: { started: '开始申请', submitted: '其中已提交', share: '申请完成率' } },
  digital: { name: '电子证照', keys: { received: '受理', eLicences: '全程电子证照办理', share: '全程电子证照办理占比' } },
  complaints: {
    name: '投诉', keys: { received: '在线投诉', answersDue: '投诉答复已到期或已答复', answeredInTime: '投诉按期答复', answeredInTimeShare: '投诉按期答复率' },
  },
  ratings: {
    name: '评价',
    keys: {
      count: '评价件数', satisfiedShare: '满意率', meanGrade: '平均星级', bad: '差评', followUpsDue: '差评回访已到期或已完成',
      followedUpInTime: '差评按期回访', followedUpInTimeShare: '差评按期回访率',
    },
  },
}

/** '低压小微·平均用时' for 'services.1.mean' of 国网万州; the path itself when it names nothing known. */
export function figureLabel(field: string, provider: ProviderCode): string {
  const [head, second, third] = field.split('.')
  if (head === 'services') {
    const service = servicesOfProvider(provider)[Number(second)]
    return service && third && SERVICE[third] ? `${service.shortName}·${SERVICE[third]}` : field
  }
  if (head === 'ratings' && second === 'distribution' && third) return `${third}星评价`
  const group = GROUPS[head]
  if (group) return (second && group.keys[second]) ?? field
  return TOP[head] ?? field
}
