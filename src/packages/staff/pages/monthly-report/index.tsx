import { useCallback, useEffect, useState } from 'react'
import { View, Text } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import type { OwnReport } from '@/contract/oversight'
import { PageRoot } from '@/components/page-root'
import { ApiError } from '@/lib/http/api-error'
import { chinaDate } from '@/core/calendar/china-date'
import { chinaDateTime } from '@/lib/china-time'
import { currentMonth, shiftMonth } from '@/features/staff/month'
import { loadOwnReport, submitOwnReport } from '@/features/oversight/api'
import { SideBySide } from '@/features/oversight/components/side-by-side'
import '@/features/track/components/track.css'
import '@/features/staff/components/staff.css'
import '@/features/oversight/components/oversight.css'

/** 按月报送: the 班长 reads the ended month's figures and submits them once; the report is then frozen with its digest. */
export default function MonthlyReportPage() {
  const [month, setMonth] = useState(shiftMonth(currentMonth(), -1))
  const [r, setR] = useState<OwnReport | null>(null)
  const [error, setError] = useState('')
  const [confirming, setConfirming] = useState(false)
  const [busy, setBusy] = useState(false)
  const load = useCallback(async () => {
    setR(null); setConfirming(false)
    try { setR(await loadOwnReport(month)); setError('') } catch (e) { setError(e instanceof ApiError ? e.message : '加载失败，请重试') }
  }, [month])
  useEffect(() => { void load() }, [load])

  const submit = async () => {
    setBusy(true)
    try {
      await submitOwnReport(month)
      await load()
    } catch (e) {
      setError(e instanceof ApiError ? e.message : '报送失败，请重试')
    } finally { setBusy(false) }
  }
  const lateNow = r !== null && chinaDate(new Date()) > r.dueBy
  return (
    <PageRoot className='staff-page'>
      <View className='staff-title' role='heading' aria-level={1}>按月报送 {month}{r ? `（${r.name}）` : ''}</View>
      <View className='chips no-print'>
        <View className='chip' role='button' onClick={() => setMonth(shiftMonth(month, -1))}>上个月</View>
        {month < currentMonth() && <View className='chip' role='button' onClick={() => setMonth(shiftMonth(month, 1))}>下个月</View>}
      </View>
      {error && <View className='notice' role='alert'>{error}</View>}
      {!r && !error && <View className='skeleton-line' aria-busy='true' />}
      {r && <Text className='staff-line'>报送截止：{r.dueBy}（次月第5个工作日，默认规则）。报送后数据封存，不能修改或重报；区经信委按事件记录逐项核对。</Text>}
      {r?.submitted && (
        <View className='notice notice--ok report-frozen' role='status'>
          <Text className='report-frozen__title'>已报送并封存（{r.submitted.status === 'late' ? '逾期报送' : '按时报送'}）</Text>
          <Text className='report-frozen__line'>报送时间：{chinaDateTime(r.submitted.submittedAt)}，报送人：{r.submitted.submittedBy}</Text>
          <Text className='report-frozen__line'>摘要（SHA-256）：</Text>
          <Text className='report-digest report-digest--full'>{r.submitted.digest}</Text>
        </View>
      )}
      {r && (
        <View>
          <Text className='section-title'>{r.submitted ? '封存的报送数字' : r.ended ? '本月数字（按事件记录现算，报送时封存）' : '本月尚未结束，月末后才能报送'}</Text>
          <SideBySide month={r.submitted ? { ...r.current, asOf: r.submitted.submittedAt, enterprises: [r.submitted.figures] } : r.current} />
        </View>
      )}
      {r && !r.submitted && r.ended && !confirming && (
        <View className='no-print'>
          {lateNow && <View className='notice' role='note'>已过报送截止日期，现在报送将记为逾期报送。</View>}
          <Button block type='primary' size='large' onClick={() => setConfirming(true)}>报送{month}月报</Button>
        </View>
      )}
      {r && confirming && (
        <View className='app-card no-print' role='dialog' aria-label='确认报送'>
          <Text className='app-card__title'>确认报送{r.name}{month}月报？</Text>
          <Text className='app-card__line'>报送后，上表数字连同摘要封存，不能修改或重报。区经信委将按事件记录重新核算每一项，不一致的会被标出。</Text>
          <View className='report-confirm__buttons'>
            <Button size='large' onClick={() => setConfirming(false)}>取消</Button>
            <Button type='primary' size='large' loading={busy} disabled={busy} onClick={() => void submit()}>确认报送</Button>
          </View>
        </View>
      )}
      <View className='no-print'>
        <View className='staff-link' role='link' onClick={() => void Taro.navigateTo({ url: '/packages/staff/pages/dashboard/index' })}>月度统计、CSV与打印版</View>
      </View>
    </PageRoot>
  )
}
