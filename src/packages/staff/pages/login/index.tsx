import { useState } from 'react'
import { View, Text, Input } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import { PageRoot } from '@/components/page-root'
import { Field } from '@/components/form/field'
import { TextField } from '@/components/form/text-field'
import { ErrorSummary } from '@/components/form/error-summary'
import type { FieldError } from '@/contract'
import { ApiError } from '@/lib/http/api-error'
import { useStaffSession } from '@/features/staff/stores/staff-session-store'
import { STAFF_ROLES } from '@/core/staff-roles'
import '@/features/staff/components/staff.css'

/** Staff of the two supply enterprises sign in with their account (not the applicant's sign-in). */
export default function StaffLoginPage() {
  const login = useStaffSession((s) => s.login)
  const [username, setUsername] = useState('')
  const [password, setPassword] = useState('')
  const [errors, setErrors] = useState<FieldError[]>([])
  const [busy, setBusy] = useState(false)
  /** a refused sign-in is not a form error: nothing in the form is 'wrong' in a way the summary could point at */
  const [failure, setFailure] = useState('')

  const submit = async () => {
    const found: FieldError[] = []
    if (!username.trim()) found.push({ path: 'username', message: '请输入账号' })
    if (!password) found.push({ path: 'password', message: '请输入密码' })
    setErrors(found)
    setFailure('')
    if (found.length) return
    setBusy(true)
    try {
      await login(username.trim(), password)
      const role = useStaffSession.getState().staff?.role
      void Taro.redirectTo({ url: role ? STAFF_ROLES[role].home : '/packages/staff/pages/search/index' })
    } catch (e) {
      setFailure(e instanceof ApiError ? e.message : '登录失败，请重试')
    } finally {
      setBusy(false)
    }
  }

  return (
    <PageRoot className='staff-page'>
      <View className='staff-title' role='heading' aria-level={1}>工作人员登录</View>
      <Text className='staff-line'>国网万州供电分公司、三峡水利客服及班长，区经信委使用。查看申请人个人信息的每一次操作都会被记录。</Text>
      <ErrorSummary errors={errors} />
      {failure && <View className='notice' role='alert'>{failure}</View>}
      <TextField path='username' label='账号' value={username} onChange={setUsername} maxlength={40} error={errors.find((e) => e.path === 'username')?.message} />
      <Field path='password' label='密码' error={errors.find((e) => e.path === 'password')?.message}>
        <Input className='text-field__input' password value={password} maxlength={200} onInput={(e) => setPassword(e.detail.value)}
          aria-label='密码' {...{ autoComplete: 'current-password' }} />
      </Field>
      <Button block type='primary' size='large' loading={busy} disabled={busy} onClick={() => void submit()}>登录</Button>
    </PageRoot>
  )
}
