import { useCallback, useEffect, useState } from 'react'
import { View, Text } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import type { OversightMonth, OversightTrend, ReportStatus } from '@/contract/oversight'
import { PageRoot } from '@/components/page-root'
import { ApiError } from '@/lib/http/api-error'
import { currentMonth, shiftMonth } from '@/features/staff/month'
import { useStaffSession } from '@/features/staff/stores/staff-session-store'
import { PRINT_AVAILABLE } from '@/features/staff/print'
import { downloadDistrictCsv, loadDistrictMonth, loadDistrictTrend, loadReportStatus } from '@/features/oversight/api'
import { ReportStatusTable } from '@/features/oversight/components/report-status'
import { SideBySide } from '@/features/oversight/components/side-by-side'
import { TrendChart } from '@/features/oversight/components/trend-chart'
import '@/features/track/components/track.css'
import '@/features/staff/components/staff.css'
import '@/features/oversight/components/oversight.css'

/** 区经信委: every supply enterprise's month side by side, and one indicator's 12-month trend at a time. */
export default function OversightMonthPage() {
  const [month, setMonth] = useState(shiftMonth(currentMonth(), -1))
  const [m, setM] = useState<OversightMonth | null>(null)
  const [trend, setTrend] = useState<OversightTrend | null>(null)
  const [reports, setReports] = useState<ReportStatus | null>(null)
  const [indicator, setIndicator] = useState('received')
  const [error, setError] = useState('')
  const staff = useStaffSession((s) => s.staff)
  const logout = useStaffSession((s) => s.logout)
  const load = useCallback(async () => {
    try {
      const [figures, t, st] = await Promise.all([loadDistrictMonth(month), loadDistrictTrend(month), loadReportStatus(month)])
      setM(figures); setTrend(t); setReports(st); setError('')
    } catch (e) { setError(e instanceof ApiError ? e.message : '加载失败，请重试') }
  }, [month])
  useEffect(() => { void load() }, [load])

  const csv = async () => setError((await downloadDistrictCsv(month)) ?? '')
  const shown = trend?.indicators.find((i) => i.code === indicator)
  return (
    <PageRoot className='staff-page'>
      <View className='staff-bar no-print'>
        <Text>{staff?.displayName}</Text>
        <View className='staff-link' role='button' onClick={() => void logout().then(() => Taro.redirectTo({ url: '/packages/staff/pages/login/index' }))}>退出</View>
      </View>
      <View className='staff-title' role='heading' aria-level={1}>万州区获得电力月度监督 {month}</View>
      <Text className='staff-line'>各供电企业并列；只有汇总数字，不含申请人个人信息。用时按工作日计，暂停计时的天数不计入。</Text>
      <View className='chips no-print'>
        <View className='chip' role='button' onClick={() => setMonth(shiftMonth(month, -1))}>上个月</View>
        {month < currentMonth() && <View className='chip' role='button' onClick={() => setMonth(shiftMonth(month, 1))}>下个月</View>}
      </View>
      {error && <View className='notice' role='alert'>{error}</View>}
      {!m && !error && <View className='skeleton-line' aria-busy='true' />}
      {m && <SideBySide month={m} />}
      {reports && (
        <View>
          <Text className='section-title'>按月报送情况</Text>
          <ReportStatusTable status={reports} />
        </View>
      )}
      {trend && (
        <View>
          <Text className='section-title'>近12个月趋势</Text>
          <View className='chips' role='radiogroup' aria-label='选择指标'>
            {trend.indicators.map((i) => (
              <View key={i.code} role='radio' aria-checked={indicator === i.code} className={`chip${indicator === i.code ? ' chip--on' : ''}`} onClick={() => setIndicator(i.code)}>{i.name}</View>
            ))}
          </View>
          {shown && <TrendChart indicator={shown} months={trend.months} />}
        </View>
      )}
      {m && (
        <View className='no-print'>
          <Button block type='primary' size='large' onClick={() => void csv()}>导出CSV</Button>
          {PRINT_AVAILABLE && <View className='staff-link' role='link' onClick={() => void Taro.navigateTo({ url: `/packages/oversight/pages/print/index?month=${month}` })}>打印版（A4）</View>}
        </View>
      )}
    </PageRoot>
  )
}
