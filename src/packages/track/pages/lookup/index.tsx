import { PageRoot } from '@/components/page-root'
import { useEffect, useState } from 'react'
import { View, Text } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import { TextField } from '@/components/form/text-field'
import { ErrorSummary } from '@/components/form/error-summary'
import type { FieldError } from '@/contract'
import { checkMobile } from '@/core/validators'
import { trackApi } from '@/features/track/api/track-api'
import { ApiError } from '@/lib/http/api-error'
import { useLookupGrant } from '@/features/track/lookup-store'
import '@/features/track/components/track.css'

const NUMBER = /^(WZ|YJ)\d{14}$/

/** Residents and relatives: application number + mobile, confirmed by a 6-digit code. No sign-in. */
export default function LookupPage() {
  // a case page that could not be shown to this account hands its number on
  const handedOn = useRouter().params.number ?? ''
  const [number, setNumber] = useState(() => handedOn.slice(0, 16))
  const [mobile, setMobile] = useState('')
  const [code, setCode] = useState('')
  const [sentFor, setSentFor] = useState('')
  const [wait, setWait] = useState(0)
  const [errors, setErrors] = useState<FieldError[]>([])
  const [busy, setBusy] = useState(false)
  const grant = useLookupGrant((s) => s.set)
  const err = (path: string) => errors.find((e) => e.path === path)?.message
  /** editing a field takes its error, and the form-wide one, out of the summary: it names only what is still wrong */
  const edit = (path: string, set: (v: string) => void) => (v: string) => {
    set(v)
    setErrors((es) => (es.some((e) => e.path === path || e.path === 'form') ? es.filter((e) => e.path !== path && e.path !== 'form') : es))
  }
  useEffect(() => {
    if (wait <= 0) return
    const t = setTimeout(() => setWait(wait - 1), 1000)
    return () => clearTimeout(t)
  }, [wait])

  const checkFirst = (): FieldError[] => {
    const out: FieldError[] = []
    if (!NUMBER.test(number.trim().toUpperCase())) out.push({ path: 'number', message: '请输入正确的申请编号（WZ开头）或一件事编号（YJ开头），共16位' })
    const m = checkMobile(mobile)
    if (!m.ok) out.push({ path: 'mobile', message: m.message })
    return out
  }
  const fail = (e: unknown) => setErrors(e instanceof ApiError && e.fieldErrors.length ? e.fieldErrors : [{ path: 'form', message: e instanceof ApiError ? e.message : '请求失败，请重试' }])

  const sendCode = async () => {
    const found = checkFirst()
    setErrors(found)
    if (found.length) return
    setBusy(true)
    try {
      const r = await trackApi.lookupCode({ number: number.trim().toUpperCase(), mobile: mobile.trim() })
      setSentFor(r.message)
      setWait(60)
    } catch (e) { fail(e) } finally { setBusy(false) }
  }

  const query = async () => {
    const found = [...checkFirst(), ...(/^\d{6}$/.test(code.trim()) ? [] : [{ path: 'code', message: '请输入6位验证码' }])]
    setErrors(found)
    if (found.length) return
    setBusy(true)
    try {
      const n = number.trim().toUpperCase()
      const r = await trackApi.lookup({ number: n, mobile: mobile.trim(), code: code.trim() })
      // a 一件事 number opens its electricity case, which shows every part side by side
      grant(r.detail.number, r.lookupToken)
      void Taro.redirectTo({ url: `/packages/track/pages/detail/index?number=${r.detail.number}&via=lookup` })
    } catch (e) { fail(e) } finally { setBusy(false) }
  }

  return (
    <PageRoot className='track-page'>
      <View className='section-title' role='heading' aria-level={1}>免登录查询办理进度</View>
      <Text className='app-card__line'>输入申请编号和申请时留的手机号，我们会发送验证码到该手机。</Text>
      <ErrorSummary errors={errors} />
      <TextField path='number' label='申请编号或一件事编号' value={number} maxlength={16} placeholder='如 WZ20261127000001 或 YJ20261127000001' error={err('number')} onChange={edit('number', setNumber)} />
      <TextField path='mobile' label='手机号' type='number' value={mobile} maxlength={11} error={err('mobile')} onChange={edit('mobile', setMobile)} />
      <Button className='lookup__button' block size='large' disabled={busy || wait > 0} onClick={() => void sendCode()}>
        {wait > 0 ? `${wait}秒后可重新获取` : '获取验证码'}
      </Button>
      {sentFor && <View className='info' aria-live='polite'>{sentFor}</View>}
      <TextField path='code' label='验证码' type='number' value={code} maxlength={6} error={err('code')} onChange={edit('code', setCode)} />
      <Button className='lookup__button' block type='primary' size='large' loading={busy} disabled={busy} onClick={() => void query()}>查询</Button>
    </PageRoot>
  )
}
