// The 52 township-level units of 万州区 (code 500101), from 国家统计局 2023 统计用区划代码
// (agreeing with 民政部 data), and the default supplier for each.
import { supplierName, type SupplierCode } from './services'

export interface Township {
  code: string // 9 digits: '500101' + 3
  name: string
  kind: '街道' | '镇' | '乡'
  supplier: SupplierCode
}

/**
 * The real supply boundary between the two enterprises is not public. This default assigns the
 * eastern and southern rural towns below to 三峡水利 and everything else to 国网; it is configuration
 * to be confirmed with both suppliers, not a published fact.
 */
const SANXIA_DEFAULT = new Set(['长滩', '太安', '白土', '恒合', '地宝', '梨树', '普子', '茨竹', '黄柏'])

export const SUPPLIER_RULE: { source: 'default'; description: string } = {
  source: 'default',
  description:
    '两家供电企业的供区边界未公开发布。默认：各街道及大部分镇由国网万州供电分公司受理；' +
    '东部、南部的长滩镇、太安镇、白土镇、恒合土家族乡、地宝土家族乡、梨树乡、普子乡、茨竹乡、黄柏乡由三峡水利受理。' +
    '此为可配置的默认划分，须经两家供电企业确认，工作人员可改派',
}

// code suffix, short name, kind; full names add the kind, except 民族乡 whose name already ends in 乡.
const UNITS: [string, string, Township['kind']][] = [
  ['001', '高笋塘', '街道'], ['017', '太白', '街道'], ['018', '牌楼', '街道'], ['019', '双河口', '街道'],
  ['020', '龙都', '街道'], ['021', '周家坝', '街道'], ['022', '沙河', '街道'], ['023', '钟鼓楼', '街道'],
  ['024', '百安坝', '街道'], ['025', '五桥', '街道'], ['026', '陈家坝', '街道'], ['027', '高峰', '街道'],
  ['028', '天城', '街道'], ['029', '九池', '街道'],
  ['109', '小周', '镇'], ['110', '大周', '镇'], ['123', '新乡', '镇'], ['132', '孙家', '镇'], ['135', '龙沙', '镇'],
  ['136', '响水', '镇'], ['137', '武陵', '镇'], ['138', '瀼渡', '镇'], ['139', '甘宁', '镇'], ['141', '熊家', '镇'],
  ['142', '高梁', '镇'], ['143', '李河', '镇'], ['144', '分水', '镇'], ['145', '余家', '镇'], ['146', '后山', '镇'],
  ['147', '弹子', '镇'], ['148', '长岭', '镇'], ['149', '新田', '镇'], ['150', '白羊', '镇'], ['151', '龙驹', '镇'],
  ['152', '走马', '镇'], ['153', '罗田', '镇'], ['154', '太龙', '镇'], ['155', '长滩', '镇'], ['156', '太安', '镇'],
  ['157', '白土', '镇'], ['158', '郭村', '镇'],
  ['201', '柱山', '乡'], ['212', '铁峰', '乡'], ['225', '溪口', '乡'], ['226', '长坪', '乡'], ['227', '燕山', '乡'],
  ['234', '梨树', '乡'], ['237', '普子', '乡'], ['238', '地宝土家族', '乡'], ['239', '恒合土家族', '乡'],
  ['244', '黄柏', '乡'], ['247', '茨竹', '乡'],
]

export const TOWNSHIPS: Township[] = UNITS.map(([suffix, short, kind]) => ({
  code: `500101${suffix}`,
  name: short + kind,
  kind,
  supplier: SANXIA_DEFAULT.has(short.replace('土家族', '')) ? 'sanxia' : 'sgcc-wanzhou',
}))

export function townshipByCode(code: string): Township | undefined {
  return TOWNSHIPS.find((township) => township.code === code)
}

/** The supplier for a township, with the reason in Chinese (the rule is a configurable default). */
export function supplierFor(townshipCode: string): { supplier: SupplierCode; reason: string } {
  const township = townshipByCode(townshipCode)
  if (!township) {
    return { supplier: 'sgcc-wanzhou', reason: '未能识别所在乡镇（街道），暂由国网万州供电分公司受理，工作人员将核实后确认' }
  }
  return { supplier: township.supplier, reason: `${township.name}默认由${supplierName(township.supplier)}供电（默认划分，以供电企业确认为准）` }
}
