import { useCallback, useEffect, useState } from 'react'
import { View, Text } from '@tarojs/components'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import type { StaffLockout } from '@/contract/staff'
import { PageRoot } from '@/components/page-root'
import { chinaDateTime } from '@/lib/china-time'
import { ApiError } from '@/lib/http/api-error'
import { staffAdmin } from '@/features/staff/api'
import { useStaffSession } from '@/features/staff/stores/staff-session-store'
import '@/features/track/components/track.css'
import '@/features/staff/components/staff.css'

const messageOf = (e: unknown, fallback: string) => (e instanceof ApiError ? e.message : fallback)

/** One account and address: locked until when, or how many failures so far; 解除 for a lock. */
function LockoutRow({ l, busy, onClear }: { l: StaffLockout; busy: boolean; onClear: (l: StaffLockout) => void }) {
  return (
    <View className='app-card' aria-label={`账号${l.username}，地址${l.clientIp}`}>
      <Text className='app-card__title'>{l.username}（地址 {l.clientIp}）</Text>
      <Text className='app-card__line'>
        {l.lockedUntil ? `已锁定，至${chinaDateTime(l.lockedUntil)}自动解除` : `未锁定：已连续失败${l.failures}次（满5次锁定）`}
      </Text>
      <Text className='app-card__line'>最近一次失败：{chinaDateTime(l.lastFailureAt)}</Text>
      {l.locks > 0 && <Text className='app-card__line'>近一天内已锁定{l.locks}次，下次锁定时长加倍</Text>}
      <Button className='lockout__action' block size='large' loading={busy} disabled={busy} onClick={() => onClear(l)}>{l.lockedUntil ? '解除锁定' : '清除失败记录'}</Button>
    </View>
  )
}

/** The administrator's view of failed staff sign-ins by account and address, with a way to clear each. */
export default function StaffLockoutsPage() {
  const staff = useStaffSession((s) => s.staff)
  const [items, setItems] = useState<StaffLockout[] | null>(null)
  const [error, setError] = useState('')
  const [done, setDone] = useState('')
  const [clearing, setClearing] = useState<number | null>(null)

  const load = useCallback(async () => {
    try {
      setItems((await staffAdmin.lockouts()).items)
      setError('')
    } catch (e) {
      setError(messageOf(e, '读取失败，请下拉刷新重试'))
    }
  }, [])

  useEffect(() => {
    if (!useStaffSession.getState().session) void Taro.redirectTo({ url: '/packages/staff/pages/login/index' })
    else void load()
  }, [load])
  usePullDownRefresh(() => { void load().finally(() => Taro.stopPullDownRefresh()) })

  const clear = async (l: StaffLockout) => {
    setClearing(l.id)
    setDone('')
    try {
      setItems((await staffAdmin.clearLockout(String(l.id))).items)
      setDone(`已解除：${l.username}（地址 ${l.clientIp}）`)
      setError('')
    } catch (e) {
      setError(messageOf(e, '解除失败，请重试'))
    } finally {
      setClearing(null)
    }
  }

  return (
    <PageRoot className='staff-page'>
      <View className='staff-title' role='heading' aria-level={1}>登录锁定</View>
      <Text className='staff-line'>
        同一账号在同一地址连续登录失败5次即锁定该地址，首次15分钟，再次锁定时长加倍（最长1天）；其他地址不受影响。确认是本人后可在此解除。
      </Text>
      {staff?.role !== 'admin' && <View className='notice' role='alert'>仅管理员可以查看和解除登录锁定</View>}
      {error && <View className='notice' role='alert'>{error}</View>}
      {done && <View className='notice notice--ok' role='status'>{done}</View>}
      {items?.map((l) => <LockoutRow key={l.id} l={l} busy={clearing === l.id} onClear={(x) => void clear(x)} />)}
      {items && items.length === 0 && <View className='empty'><Text className='empty__text'>没有锁定或登录失败的记录</Text></View>}
    </PageRoot>
  )
}
