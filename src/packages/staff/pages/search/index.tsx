import { useCallback, useEffect, useState } from 'react'
import { View, Text } from '@tarojs/components'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import type { z } from 'zod'
import type { staffSearchResult } from '@/contract/staff'
import { PageRoot } from '@/components/page-root'
import { TextField } from '@/components/form/text-field'
import { ApiError } from '@/lib/http/api-error'
import { staffCases } from '@/features/staff/api'
import { useStaffSession } from '@/features/staff/stores/staff-session-store'
import { roleRules } from '@/core/staff-roles'
import { SERVICE_FILTERS, STATE_FILTERS, type ServiceFilter, type StateFilter } from './filters'
import { CaseRow } from './case-row'
import '@/features/staff/components/staff.css'

type Result = z.infer<typeof staffSearchResult>

/** One box for number, mobile, ID number, credit code or name; filters; results page by page. */
export default function StaffSearchPage() {
  const staff = useStaffSession((s) => s.staff)
  const logout = useStaffSession((s) => s.logout)
  const [q, setQ] = useState('')
  const [service, setService] = useState<ServiceFilter>('')
  const [state, setState] = useState<StateFilter>('')
  const [result, setResult] = useState<Result | null>(null)
  const [error, setError] = useState('')
  const [busy, setBusy] = useState(false)

  const search = useCallback(async (page = 1) => {
    setBusy(true)
    try {
      const r = await staffCases.search({ q: q.trim() || undefined, service: service || undefined, state: state || undefined, page, pageSize: 20 })
      setResult((prev) => (page > 1 && prev ? { ...r, items: [...prev.items, ...r.items] } : r))
      setError('')
    } catch (e) {
      setError(e instanceof ApiError ? (e.fieldErrors[0]?.message ?? e.message) : '查询失败，请重试')
    } finally {
      setBusy(false)
    }
  }, [q, service, state])

  const rules = roleRules(staff?.role)
  useEffect(() => {
    const signedIn = useStaffSession.getState()
    if (!signedIn.session) void Taro.redirectTo({ url: '/packages/staff/pages/login/index' })
    // a role that reaches no case (the district) has its own home
    else if (roleRules(signedIn.staff?.role)?.cases === 'none') void Taro.redirectTo({ url: roleRules(signedIn.staff?.role)?.home ?? '/packages/staff/pages/login/index' })
    else void search(1)
    // filters apply at once; the text box applies on 查询
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [service, state])
  usePullDownRefresh(() => { void search(1).finally(() => Taro.stopPullDownRefresh()) })

  return (
    <PageRoot className='staff-page'>
      <View className='staff-bar'>
        <Text>{staff?.displayName}</Text>
        <View>
          {rules?.monthlyReport && <View className='staff-link' role='link' onClick={() => void Taro.navigateTo({ url: '/packages/staff/pages/dashboard/index' })}>月度统计</View>}
          {rules?.registersLeads && <View className='staff-link' role='link' onClick={() => void Taro.navigateTo({ url: '/packages/staff/pages/leads/index' })}>主动服务</View>}
          {rules?.submitsReport && <View className='staff-link' role='link' onClick={() => void Taro.navigateTo({ url: '/packages/staff/pages/monthly-report/index' })}>按月报送</View>}
          {rules?.oversight && <View className='staff-link' role='link' onClick={() => void Taro.navigateTo({ url: '/packages/oversight/pages/month/index' })}>月度监督</View>}
          {rules?.admin && <View className='staff-link' role='link' onClick={() => void Taro.navigateTo({ url: '/packages/staff/pages/lockouts/index' })}>登录锁定</View>}
          <View className='staff-link' role='button' onClick={() => void logout().then(() => Taro.redirectTo({ url: '/packages/staff/pages/login/index' }))}>退出</View>
        </View>
      </View>
      <View className='staff-title' role='heading' aria-level={1}>申请查询</View>
      <TextField path='q' label='查找' hint='申请编号、手机号、身份证号、统一社会信用代码（精确），或姓名、企业名称（前几个字）' value={q} onChange={setQ} maxlength={40} />
      <Button block type='primary' size='large' loading={busy} disabled={busy} onClick={() => void search(1)}>查询</Button>
      <View className='chips' role='radiogroup' aria-label='业务'>
        {SERVICE_FILTERS.map((f) => <View key={f.value} role='radio' aria-checked={service === f.value} className={`chip${service === f.value ? ' chip--on' : ''}`} onClick={() => setService(f.value)}>{f.label}</View>)}
      </View>
      <View className='chips' role='radiogroup' aria-label='状态'>
        {STATE_FILTERS.map((f) => <View key={f.value} role='radio' aria-checked={state === f.value} className={`chip${state === f.value ? ' chip--on' : ''}`} onClick={() => setState(f.value)}>{f.label}</View>)}
      </View>
      {error && <View className='notice' role='alert'>{error}</View>}
      {result && <Text className='staff-line' aria-live='polite'>共{result.total}件</Text>}
      {result?.items.map((c) => <CaseRow key={c.number} c={c} />)}
      {result && result.items.length === 0 && <View className='empty'><Text className='empty__text'>没有符合条件的申请</Text></View>}
      {result && result.items.length < result.total && (
        <Button block size='large' loading={busy} onClick={() => void search(result.page + 1)}>加载更多（已显示{result.items.length}件）</Button>
      )}
    </PageRoot>
  )
}
