import { PageRoot } from '@/components/page-root'
import { useCallback, useEffect, useState } from 'react'
import { View, Text } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import type { ApplicationSummary } from '@/contract/progress'
import { STATE_WORDS } from '@/contract/constants'
import { trackApi } from '@/features/track/api/track-api'
import { ApiError } from '@/lib/http/api-error'
import { continueTo } from '@/features/auth/begin-apply'
import { pagePath } from '@/features/apply/steps'
import { chinaDay } from '@/lib/china-time'
import { daysLeftText } from '@/features/track/days-left'
import '@/features/track/components/track.css'
import '@/features/joint/joint.css'
import { InvitationBanner } from '@/features/invitations/invitation-banner'

/** The cases of one 一件事 together, in the list's order (its cases arrive one after another). */
function groupByJoint(items: ApplicationSummary[]): { jointNumber: string | null; items: ApplicationSummary[] }[] {
  const groups: { jointNumber: string | null; items: ApplicationSummary[] }[] = []
  for (const a of items) {
    const last = groups.at(-1)
    if (a.jointNumber && last?.jointNumber === a.jointNumber) last.items.push(a)
    else groups.push({ jointNumber: a.jointNumber, items: [a] })
  }
  return groups
}

/** The signed-in applicant's applications, newest first. */
export default function ListPage() {
  const [items, setItems] = useState<ApplicationSummary[] | null>(null)
  const [error, setError] = useState('')
  const [loads, setLoads] = useState(0)
  const load = useCallback(async () => {
    setLoads((n) => n + 1)
    try {
      setItems((await trackApi.mine()).items)
      setError('')
    } catch (e) {
      setError(e instanceof ApiError ? e.message : '加载失败，请下拉重试')
    }
  }, [])
  useEffect(() => { void load() }, [load])
  useDidShow(() => { void load() })
  usePullDownRefresh(() => { void load().finally(() => Taro.stopPullDownRefresh()) })

  return (
    <PageRoot className='track-page'>
      <View className='section-title' role='heading' aria-level={1}>我的申请</View>
      {error && <View className='notice' role='alert'>{error}</View>}
      <InvitationBanner refresh={loads} />
      {!items && !error && <View aria-busy='true' aria-label='正在加载'><View className='app-card'><View className='skeleton-line' /><View className='skeleton-line' /></View></View>}
      {items?.length === 0 && (
        <View className='empty'>
          <Text className='empty__text'>您还没有提交过用电申请</Text>
          <Button type='primary' size='large' onClick={() => continueTo(pagePath('service'))}>我要申请办电</Button>
        </View>
      )}
      {items && groupByJoint(items).map((g) => (
        <View key={g.jointNumber ?? g.items[0].number} className={g.jointNumber ? 'joint-group' : undefined} role={g.jointNumber ? 'group' : undefined}
          aria-label={g.jointNumber ? `一件事 ${g.jointNumber}` : undefined}>
          {g.jointNumber && <Text className='joint-group__head'>一件事 {g.jointNumber}：{g.items.map((a) => a.serviceName).join('、')}一并办理</Text>}
          {[...g.items].sort((x, y) => x.number.localeCompare(y.number)).map((a) => (
        <View key={a.number} className='app-card' role='link' aria-label={`${a.serviceName}，${STATE_WORDS[a.state]}`}
          onClick={() => void Taro.navigateTo({ url: `/packages/track/pages/detail/index?number=${a.number}` })}>
          <Text className='app-card__number'>{a.number}　{chinaDay(a.submittedAt)}提交</Text>
          <Text className='app-card__title'>{a.serviceName}</Text>
          <Text className='app-card__line'>{a.townshipName}</Text>
          <Text className='app-card__line'>
            <Text className='app-card__state'>{STATE_WORDS[a.state]}</Text>
            {a.currentStageName ? `　当前环节：${a.currentStageName}` : ''}
          </Text>
          <Text className='app-card__line'>{daysLeftText(a)}{a.state === 'in-progress' || a.state === 'paused' ? `，预计${a.expectedBy}前办结${a.estimated ? '（节假日未公布，按工作日估算）' : ''}` : ''}</Text>
        </View>
          ))}
        </View>
      ))}
    </PageRoot>
  )
}
