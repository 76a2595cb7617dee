import { useCallback, useEffect, useState } from 'react'
import { View, Text } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import type { Dashboard } from '@/contract/staff'
import { SUPPLIER_CODES, serviceByCode, supplierByCode, type SupplierCode } from '@/core/services'
import { RATING_GRADES } from '@/contract/constants'
import { PageRoot } from '@/components/page-root'
import { ApiError } from '@/lib/http/api-error'
import { staffReports } from '@/features/staff/api'
import { useStaffSession } from '@/features/staff/stores/staff-session-store'
import { currentMonth, shiftMonth } from '@/features/staff/month'
import { Bar } from '@/features/staff/components/bar'
import { ServiceCharts } from './service-charts'
import { TargetFigures } from './target-figures'
import '@/features/track/components/track.css'
import '@/features/staff/components/staff.css'

type Supplier = SupplierCode | undefined

/** The month against the 7 and 28 working-day targets, for supervisors' monthly report to the district. */
export default function DashboardPage() {
  const staff = useStaffSession((s) => s.staff)
  const [month, setMonth] = useState(currentMonth())
  const [supplier, setSupplier] = useState<Supplier>(undefined)
  const [d, setD] = useState<Dashboard | null>(null)
  const [error, setError] = useState('')
  const load = useCallback(async () => {
    try { setD(await staffReports.dashboard(month, supplier)); setError('') } catch (e) { setError(e instanceof ApiError ? e.message : '加载失败') }
  }, [month, supplier])
  useEffect(() => { void load() }, [load])

  const csv = async () => {
    setError((await staffReports.saveCsv(month, supplier, `wanzhou-${supplier ?? staff?.supplier ?? 'all'}-${month}.csv`)) ?? '')
  }
  const ratingMax = Math.max(1, ...Object.values(d?.ratings.distribution ?? {}))
  return (
    <PageRoot className='staff-page'>
      <View className='staff-title' role='heading' aria-level={1}>月度统计 {month}</View>
      <View className='chips no-print'>
        <View className='chip' role='button' onClick={() => setMonth(shiftMonth(month, -1))}>上个月</View>
        <View className='chip' role='button' onClick={() => setMonth(shiftMonth(month, 1))}>下个月</View>
        {staff?.role === 'admin' && [undefined, ...SUPPLIER_CODES].map((s) => (
          <View key={s ?? 'all'} role='radio' aria-checked={supplier === s} className={`chip${supplier === s ? ' chip--on' : ''}`} onClick={() => setSupplier(s)}>
            {s === undefined ? '全部' : supplierByCode(s)?.shortName}
          </View>
        ))}
      </View>
      {error && <View className='notice' role='alert'>{error}</View>}
      {!d && !error && <View className='skeleton-line' aria-busy='true' />}
      {d && (
        <View>
          <View className='kpis'>
            <View className='kpi'><Text className='kpi__label'>本月受理</Text><Text className='kpi__value'>{d.received}</Text></View>
            <View className='kpi'><Text className='kpi__label'>本月办结</Text><Text className='kpi__value'>{d.completed}</Text></View>
            <View className='kpi'><Text className='kpi__label'>在办</Text><Text className='kpi__value'>{d.inProgress}</Text></View>
            <View className={`kpi${d.overdue > 0 ? ' kpi--alert' : ''}`}><Text className='kpi__label'>超时</Text><Text className='kpi__value'>{d.overdue}</Text></View>
          </View>
          <ServiceCharts services={d.services} />
          <TargetFigures targets={d.targets} />
          <View className='chart'>
            <Text className='chart__title'>最慢的环节（平均用时 / 时限）</Text>
            {d.slowestStages.map((s) => <Bar key={s.service + s.stage} label={`${serviceByCode(s.service)?.shortName ?? ''} · ${s.name}（超时${Math.round(s.overLimitShare * 100)}%）`} value={s.meanDays} max={Math.max(s.limitDays * 1.5, s.meanDays)} target={s.limitDays} unit='个工作日' over={s.meanDays > s.limitDays} />)}
            {d.slowestStages.length === 0 && <Text className='staff-line'>本月没有数据</Text>}
            <Text className='staff-line'>暂停（等待申请人或用户侧施工）：{d.pauses.cases}件，平均{d.pauses.meanPausedDays === null ? '（无）' : `${d.pauses.meanPausedDays.toFixed(1)}个工作日`}，不计入供电企业时限</Text>
            <Text className='staff-line'>申请人对暂停或补正提出异议：{d.disputes.count}次，其中“这不是我的原因”{d.disputes.notMine}次</Text>
          </View>
          <View className='chart'>
            <Text className='chart__title'>好差评（共{d.ratings.count}件）</Text>
            {([5, 4, 3, 2, 1] as const).map((g) => <Bar key={g} label={RATING_GRADES[g]} value={d.ratings.distribution[String(g)] ?? 0} max={ratingMax} unit='件' over={g <= 2 && (d.ratings.distribution[String(g)] ?? 0) > 0} />)}
            {d.ratings.followUps.map((f) => <Text key={f.number} className='staff-line'>回访 {f.number}：{f.grade}星，{f.deadline}前{f.closed ? '（已完成）' : '（未完成）'}</Text>)}
          </View>
          <View className='no-print'>
            <Button block type='primary' size='large' onClick={() => void csv()}>导出CSV</Button>
            <View className='staff-link' role='link' onClick={() => void Taro.navigateTo({ url: `/packages/staff/pages/report/index?month=${month}${supplier ? `&supplier=${supplier}` : ''}` })}>打印版月报</View>
          </View>
        </View>
      )}
    </PageRoot>
  )
}
