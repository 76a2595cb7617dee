import { JointCard } from '@/features/joint/joint-card'
import { providerWord } from '@/core/services'
import { PageRoot } from '@/components/page-root'
import { CopyNumber } from '@/components/copy-number'
import { ShareNumber } from '@/features/track/components/share-number'
import { View, Text } from '@tarojs/components'
import Taro, { useRouter, usePullDownRefresh } from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import type { ApplicationDetail } from '@/contract/progress'
import { RATING_GRADES, STATE_WORDS } from '@/contract/constants'
import { trackApi } from '@/features/track/api/track-api'
import { useApplication } from '@/features/track/use-application'
import { takeDetailRead } from '@/features/track/early-detail'
import { useLookupGrant } from '@/features/track/lookup-store'
import { ProcessClock } from '@/features/track/components/process-clock'
import { LapsingCard } from '@/features/track/components/lapsing-card'
import { TargetsCard } from '@/features/track/components/targets-card'
import { StageProgressList } from '@/features/track/components/stage-progress-list'
import { HistoryList } from '@/features/track/components/history-list'
import { MaterialCard } from '@/features/apply/components/licences/material-card'
import { ContractCard } from '@/features/track/components/contract-card'
import { SupplementFiles } from '@/features/track/components/supplement-files'
import { DetailActions } from './detail-actions'
import { WithdrawBox } from '@/features/track/components/withdraw-box'
import { ComplaintsCard, Escalation } from '@/features/track/components/complaints-card'
import { CaseUnavailable } from '@/features/track/components/case-unavailable'
import { useSession } from '@/features/auth/stores/session-store'
import { continueTo } from '@/features/auth/begin-apply'
import { useEffect } from 'react'
import '@/features/track/components/track.css'

/** One application: the clock, the stages, what to do now, materials, contract, history. */
export default function DetailPage() {
  const { number = '', via } = useRouter().params
  const grant = useLookupGrant()
  const anonymous = via === 'lookup'
  const signedIn = useSession((s) => s.session !== null)
  const { detail, error, errorCode, reload, setDetail } = useApplication(
    (): Promise<ApplicationDetail> => (anonymous ? trackApi.detailByLookup(number, grant.token ?? '') : takeDetailRead(number) ?? trackApi.detail(number)),
    () => (anonymous ? trackApi.versionByLookup(number, grant.token ?? '') : trackApi.version(number)))
  usePullDownRefresh(() => { void reload().finally(() => Taro.stopPullDownRefresh()) })
  // a link to the case (an SMS, a bookmark) opened without sign-in, or after it ran out: sign in, then back here
  const mustSignIn = !anonymous && (!signedIn || errorCode === 'UNAUTHENTICATED' || errorCode === 'SESSION_EXPIRED')
  useEffect(() => {
    if (mustSignIn) continueTo(`/packages/track/pages/detail/index?number=${encodeURIComponent(number)}`, true)
  }, [mustSignIn, number])

  if (!detail) {
    return (
      <PageRoot className='track-page' busy={!error || mustSignIn}>
        {error && !mustSignIn
          ? <CaseUnavailable number={number} code={errorCode} message={error} onRetry={() => void reload()} />
          // in the case's first card, where that card will be: it grows in place rather than moving (CLS)
          : <View className='app-card'><View className='skeleton-line' /><View className='skeleton-line' /><View className='skeleton-line' /></View>}
      </PageRoot>
    )
  }
  // who works on the running stage, as the enterprise's pushes name them
  const handler = detail.stages.find((s) => s.state === 'in-progress' || s.state === 'paused' || s.state === 'overdue')?.handler
  return (
    <PageRoot className='track-page'>
      {error && <View className='notice' role='alert'>{error}（显示的是上次加载的内容）</View>}
      <View className='app-card'>
        <Text className='app-card__number' selectable>申请编号 {detail.number}</Text>
        <CopyNumber number={detail.number}><ShareNumber number={detail.number} /></CopyNumber>
        <View className='app-card__title' role='heading' aria-level={1}>{detail.serviceName}</View>
        <Text className='app-card__line'>{detail.address}</Text>
        <Text className='app-card__line'>{providerWord(detail.service)}：{detail.supplierName}　费用：{detail.feeYuan === null ? '按收费标准' : `${detail.feeYuan}元`}</Text>
        <Text className='app-card__line'>联系{providerWord(detail.service)}：{detail.supplierContact}{handler ? `（当前承办：${handler}）` : ''}</Text>
      </View>
      {detail.joint && <JointCard joint={detail.joint} current={detail.number} linkable={!anonymous} />}
      <ProcessClock process={detail.process} />
      <LapsingCard items={detail.lapsing} />
      <TargetsCard targets={detail.targets} usedDays={detail.process.usedDays} />
      {!anonymous && <DetailActions detail={detail} onChange={setDetail} />}
      {!anonymous && <ComplaintsCard detail={detail} onChange={setDetail} />}
      {anonymous && detail.process.state === 'overdue' && <Escalation detail={detail} signedIn={false} />}
      <Text className='section-title'>办理环节</Text>
      <StageProgressList stages={detail.stages}
        stoppedAs={detail.process.state === 'withdrawn' || detail.process.state === 'rejected' ? STATE_WORDS[detail.process.state] : undefined} />
      {detail.gaps.some((g) => g.usedDays > 0) && (
        <View className='gaps'>
          {detail.gaps.filter((g) => g.usedDays > 0).map((g) => (
            <Text key={g.from} className='app-card__line'>环节之间（{g.name}）：{g.usedDays}个工作日，计入供电企业时限</Text>
          ))}
        </View>
      )}
      {(detail.materials.length > 0 || detail.supplementFiles.length > 0) && <Text className='section-title'>已提交的材料</Text>}
      {detail.materials.map((m) => <MaterialCard key={m.materialId} view={m} />)}
      {detail.supplementFiles.length > 0 && <SupplementFiles files={detail.supplementFiles} />}
      {detail.contract && <ContractCard number={detail.number} contract={detail.contract} canOpen={!anonymous} />}
      {detail.rating && <View className='info'>您的评价：{RATING_GRADES[detail.rating.grade as keyof typeof RATING_GRADES] ?? `${detail.rating.grade}级`}{detail.rating.comment ? `，“${detail.rating.comment}”` : ''}</View>}
      <Text className='section-title'>办理记录</Text>
      <HistoryList timeline={detail.timeline} />
      {!anonymous && detail.actions.withdraw && <View className='detail-withdraw'><WithdrawBox number={detail.number} onDone={setDetail} /></View>}
      {anonymous && <Button block size='large' onClick={() => void Taro.reLaunch({ url: '/pages/index/index' })}>返回首页</Button>}
    </PageRoot>
  )
}
