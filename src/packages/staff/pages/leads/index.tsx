import { useEffect, useMemo, useState } from 'react'
import { View, Text, Input } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import type { FieldError } from '@/contract'
import type { Lead } from '@/contract/leads'
import { LEAD_KINDS, LEAD_KIND_CODES, LEAD_SERVICE, type LeadKind } from '@/core/leads'
import { serviceByCode } from '@/core/services'
import { USE_LABELS } from '@/core/uses'
import { TOWNSHIPS } from '@/core/wanzhou'
import { PageRoot } from '@/components/page-root'
import { ChoiceList } from '@/components/form/choice-list'
import { ErrorSummary } from '@/components/form/error-summary'
import { Field } from '@/components/form/field'
import { TextField } from '@/components/form/text-field'
import { ApiError } from '@/lib/http/api-error'
import { leadsApi } from '@/features/leads/api'
import { EMPTY_LEAD, leadBodyOf, type LeadForm } from '@/features/leads/lead-form'
import { LeadList } from '@/features/leads/lead-list'
import { useStaffSession } from '@/features/staff/stores/staff-session-store'
import '@/features/staff/components/staff.css'

const USES = (serviceByCode(LEAD_SERVICE)?.uses ?? []).map((u) => ({ value: u, label: USE_LABELS[u] }))

/** 主动服务: register a new business or an approved project; its owner finds the invitation in the app. */
export default function LeadsPage() {
  const staff = useStaffSession((s) => s.staff)
  const [form, setForm] = useState<LeadForm>(EMPTY_LEAD)
  const [filter, setFilter] = useState('')
  const [errors, setErrors] = useState<FieldError[]>([])
  const [failure, setFailure] = useState('')
  const [done, setDone] = useState('')
  const [busy, setBusy] = useState(false)
  const [leads, setLeads] = useState<Lead[] | null>(null)
  const set = (patch: Partial<LeadForm>) => setForm((f) => ({ ...f, ...patch }))
  const errorOf = (path: string) => errors.find((e) => e.path === path)?.message
  const townships = useMemo(() => TOWNSHIPS.filter((t) => filter.trim() && t.name.includes(filter.trim())).slice(0, 8), [filter])

  const load = () => leadsApi.mine().then(setLeads, (e: unknown) => setFailure(e instanceof ApiError ? e.message : '线索加载失败，请重试'))
  useEffect(() => {
    if (!useStaffSession.getState().session) void Taro.redirectTo({ url: '/packages/staff/pages/login/index' })
    else void load()
  }, [])

  const submit = async () => {
    const { body, errors: found } = leadBodyOf(form)
    setErrors(found)
    setFailure('')
    setDone('')
    if (!body) return
    setBusy(true)
    try {
      const lead = await leadsApi.register(body)
      setDone(`已向“${lead.businessName}”的负责人发出主动服务邀请，对方在“我的申请”中可一键确认申请。`)
      setForm(EMPTY_LEAD)
      setFilter('')
      await load()
    } catch (e) {
      if (e instanceof ApiError && e.fieldErrors.length) setErrors(e.fieldErrors)
      else setFailure(e instanceof ApiError ? e.message : '登记失败，请重试')
    } finally {
      setBusy(false)
    }
  }

  return (
    <PageRoot className='staff-page'>
      <View className='staff-bar'><Text>{staff?.displayName}</Text></View>
      <View className='staff-title' role='heading' aria-level={1}>主动服务</View>
      <Text className='staff-line'>登记新注册企业或已批项目，系统按统一社会信用代码从市场主体登记信息查得企业及负责人，并向负责人发出邀请。</Text>
      <ErrorSummary errors={errors} />
      {failure && <View className='notice' role='alert'>{failure}</View>}
      {done && <View className='info' role='status'>{done}</View>}
      <ChoiceList<LeadKind> path='kind' label='线索来源' value={form.kind} onChange={(kind) => set({ kind })}
        choices={LEAD_KIND_CODES.map((k) => ({ value: k, label: LEAD_KINDS[k].name, description: `来自${LEAD_KINDS[k].source}` }))} />
      <TextField path='creditCode' label='统一社会信用代码' value={form.creditCode} onChange={(creditCode) => set({ creditCode })} maxlength={30} error={errorOf('creditCode')} />
      {LEAD_KINDS[form.kind].needsApproval && (
        <TextField path='projectApproval' label='项目审批（核准、备案）文号' value={form.projectApproval} onChange={(projectApproval) => set({ projectApproval })} maxlength={60} error={errorOf('projectApproval')} />
      )}
      <Field path='townshipCode' label='用电地址所在乡镇街道' hint='输入名称后点选；须在本企业供区内' error={errorOf('townshipCode')}>
        <Input className='text-field__input' value={filter} placeholder='如“瀼渡”' onInput={(e) => { setFilter(e.detail.value); set({ townshipCode: '' }) }}
          aria-label='筛选乡镇街道' />
        <View className='chips' role='radiogroup' aria-label='乡镇街道'>
          {townships.map((t) => (
            <View key={t.code} role='radio' aria-checked={form.townshipCode === t.code} className={`chip${form.townshipCode === t.code ? ' chip--on' : ''}`}
              onClick={() => { set({ townshipCode: t.code }); setFilter(t.name) }}>{t.name}</View>
          ))}
        </View>
      </Field>
      <TextField path='addressDetail' label='详细地址' value={form.addressDetail} onChange={(addressDetail) => set({ addressDetail })} maxlength={100} error={errorOf('addressDetail')} />
      <TextField path='capacityKw' label='预计报装容量（千瓦）' type='digit' value={form.capacityKw} onChange={(capacityKw) => set({ capacityKw })} maxlength={8} error={errorOf('capacityKw')} />
      <ChoiceList<string> path='use' label='用电用途' value={form.use} onChange={(use) => set({ use })} choices={USES} error={errorOf('use')} />
      <Button block type='primary' size='large' loading={busy} disabled={busy} onClick={() => void submit()}>登记并发出邀请</Button>
      <View className='staff-title lead-list-title' role='heading' aria-level={2}>已登记的线索</View>
      {leads && <LeadList leads={leads} />}
    </PageRoot>
  )
}
