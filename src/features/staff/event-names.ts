// Names staff read beside the raw event types of the append-only log (the types themselves stay visible).
const EVENT_NAMES: Record<string, string> = {
  submitted: '提交申请',
  'contract-signed': '签订合同',
  'stage-started': '环节开始',
  'stage-finished': '环节完成',
  'supplement-requested': '要求补正',
  'supplement-received': '收到补正',
  paused: '暂停计时',
  resumed: '恢复计时',
  completed: '办结',
  rejected: '不予受理',
  withdrawn: '撤回',
  'checkpoint-materials': '上传检查材料',
  urged: '催办',
  rated: '评价',
}

export function eventName(type: string): string {
  return EVENT_NAMES[type] ?? '其他'
}

/** A payload as `key=value` pairs on one line: strings as they are, anything else as JSON. */
export function payloadLine(payload: Record<string, unknown>): string {
  return Object.entries(payload).map(([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`).join('；')
}
