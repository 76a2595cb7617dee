import { useCallback, useEffect, useState } from 'react'
import { View, Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import Taro, { useRouter, usePullDownRefresh } from '@tarojs/taro'
import type { StaffCaseDetail } from '@/contract/staff'
import { chinaDateTime } from '@/lib/china-time'
import { PageRoot } from '@/components/page-root'
import { ApiError } from '@/lib/http/api-error'
import { staffCases } from '@/features/staff/api'
import { ProcessClock } from '@/features/track/components/process-clock'
import { LapsingCard } from '@/features/track/components/lapsing-card'
import { TargetsCard } from '@/features/track/components/targets-card'
import { ExternalWorks } from './external-works'
import { StageProgressList } from '@/features/track/components/stage-progress-list'
import { ApplicantCard } from './applicant-card'
import { VerificationList } from './verification-list'
import { NotesAndUrge } from './notes-and-urge'
import { DispatchCard } from './dispatch-card'
import { SmallMicroCard } from './small-micro-card'
import { providerWord } from '@/core/services'
import { CaseFiles } from './case-files'
import { EventLog } from './event-log'
import { FollowUpCard } from './follow-up-card'
import { ComplaintAnswers } from './complaint-answers'
import { ReassignCard } from './reassign-card'
import { supplierName, type SupplierCode } from '@/core/services'
import { useStaffSession } from '@/features/staff/stores/staff-session-store'
import { roleRules } from '@/core/staff-roles'
import '@/features/track/components/track.css'
import '@/features/staff/components/staff.css'

/** Everything the applicant sees, plus the raw log, verification, notes and 催办. Opening it is logged. */
export default function StaffCasePage() {
  const number = useRouter().params.number ?? ''
  const [detail, setDetail] = useState<StaffCaseDetail | null>(null)
  const [error, setError] = useState('')
  const [movedTo, setMovedTo] = useState<SupplierCode | null>(null)
  const rules = roleRules(useStaffSession((s) => s.staff?.role))
  const load = useCallback(async () => {
    try { setDetail(await staffCases.detail(number)); setError('') } catch (e) { setError(e instanceof ApiError ? e.message : '加载失败') }
  }, [number])
  useEffect(() => { void load() }, [load])
  usePullDownRefresh(() => { void load().finally(() => Taro.stopPullDownRefresh()) })

  // a 班长 hands the case over and no longer sees it; a role that sees every enterprise's cases reads it again
  const onMoved = (to: SupplierCode) => (rules?.cases === 'all' ? void load() : setMovedTo(to))
  if (movedTo) {
    return (
      <PageRoot className='staff-page'>
        <View className='notice' role='status'>已改派至{supplierName(movedTo)}（申请编号 {number}）。本企业不再办理此件，也不能再查看。</View>
        <Button size='large' onClick={() => void Taro.redirectTo({ url: '/packages/staff/pages/search/index' })}>返回查找</Button>
      </PageRoot>
    )
  }
  if (!detail) return <PageRoot className='staff-page' busy={!error}>{error ? <View className='notice' role='alert'>{error}</View> : <View className='skeleton-line' />}</PageRoot>
  const a = detail.application
  return (
    <PageRoot className='staff-page'>
      <View className='app-card'>
        <Text className='app-card__number'>申请编号 {a.number}　{chinaDateTime(a.submittedAt)}提交</Text>
        <View className='app-card__title' role='heading' aria-level={1}>{a.serviceName}</View>
        <Text className='app-card__line'>{a.address}</Text>
        <Text className='app-card__line'>{providerWord(a.service)}：{a.supplierName}</Text>
      </View>
      <DispatchCard dispatch={detail.dispatch} providerName={a.supplierName} />
      <ProcessClock process={a.process} />
      <LapsingCard items={a.lapsing} />
      <TargetsCard targets={a.targets} usedDays={a.process.usedDays} />
      <ApplicantCard number={a.number} applicant={detail.applicant} />
      <SmallMicroCard smallMicro={detail.smallMicro} />
      <NotesAndUrge detail={detail} onChange={setDetail} />
      <ExternalWorks detail={detail} onChange={setDetail} />
      <ComplaintAnswers detail={detail} onChange={setDetail} />
      <FollowUpCard detail={detail} onChange={setDetail} />
      <ReassignCard detail={detail} onMoved={onMoved} />
      <Text className='section-title'>办理环节</Text>
      <StageProgressList stages={a.stages} />
      <Text className='section-title'>材料与核验</Text>
      <VerificationList materials={detail.materials} />
      <CaseFiles number={a.number} files={detail.files} contractSigned={a.contract !== null} />
      <Text className='section-title'>事件记录（只增不改，中国时间）</Text>
      <EventLog events={detail.events} />
    </PageRoot>
  )
}
