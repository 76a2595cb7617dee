import { useEffect, useState } from 'react'
import { View, Text } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import type { OversightMonth, OversightTrend, ReportStatus } from '@/contract/oversight'
import { PageRoot } from '@/components/page-root'
import { print, PRINT_AVAILABLE } from '@/features/staff/print'
import { loadDistrictMonth, loadDistrictTrend, loadReportStatus } from '@/features/oversight/api'
import { ReportStatusTable } from '@/features/oversight/components/report-status'
import { SideBySide } from '@/features/oversight/components/side-by-side'
import { TrendMatrix } from '@/features/oversight/components/trend-matrix'
import '@/features/track/components/track.css'
import '@/features/staff/components/staff.css'
import '@/features/oversight/components/oversight.css'

/** The district's month on A4: the figures side by side, then every indicator's 12 months. */
export default function OversightPrintPage() {
  const { month = '' } = useRouter().params
  const [m, setM] = useState<OversightMonth | null>(null)
  const [trend, setTrend] = useState<OversightTrend | null>(null)
  const [reports, setReports] = useState<ReportStatus | null>(null)
  const [error, setError] = useState('')
  useEffect(() => {
    if (!PRINT_AVAILABLE) return
    Promise.all([loadDistrictMonth(month), loadDistrictTrend(month), loadReportStatus(month)])
      .then(([figures, t, st]) => { setM(figures); setTrend(t); setReports(st) })
      .catch(() => setError('月报加载失败，请返回重试'))
  }, [month])

  // the mini-program cannot print, and the A4 tables (the 12-month matrix alone: thousands of nodes) are too much for a phone
  if (!PRINT_AVAILABLE) return <PageRoot className='staff-page'><View className='notice' role='status'>打印版请在电脑浏览器中打开并打印；小程序中请查看月度监督。</View></PageRoot>
  if (error) return <PageRoot className='staff-page'><View className='notice' role='alert'>{error}</View></PageRoot>
  if (!m || !trend || !reports) return <PageRoot className='staff-page' busy><View className='skeleton-line' /></PageRoot>
  return (
    <PageRoot className='staff-page oversight-print'>
      <View className='staff-title' role='heading' aria-level={1}>万州区获得电力月度监督报告 {m.month}</View>
      <Text className='staff-line'>统计时点：{m.at.slice(0, 10)}。只含汇总数字。用时单位：工作日。</Text>
      <SideBySide month={m} />
      <Text className='section-title'>按月报送情况</Text>
      <ReportStatusTable status={reports} />
      <Text className='staff-line'>近12个月趋势（{trend.months[0]} 至 {trend.months[trend.months.length - 1]}；“—”为当月没有可计算的办结或评价）</Text>
      <TrendMatrix trend={trend} />
      {PRINT_AVAILABLE && <View className='no-print'><Button block type='primary' size='large' onClick={print}>打印</Button></View>}
    </PageRoot>
  )
}
