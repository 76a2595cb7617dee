import { PageRoot } from '@/components/page-root'
import { useEffect, useRef, useState } from 'react'
import { View, Text } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import { takeYkbState } from '@/features/auth/ykb-state'
import { useSession } from '@/features/auth/stores/session-store'
import { continueTo } from '@/features/auth/begin-apply'
import { ApiError } from '@/lib/http/api-error'
import '../account.css'

/** 渝快办 sends the applicant back here with a one-time code (or a refusal). */
export default function YkbCallbackPage() {
  const { code, state, error: refused } = useRouter().params
  const loginYkb = useSession((s) => s.loginYkb)
  const [problem, setProblem] = useState('')
  const once = useRef(false)

  useEffect(() => {
    if (once.current) return
    once.current = true
    const saved = takeYkbState(state)
    if (refused) return setProblem('您没有同意渝快办授权，因此无法登录。您仍可浏览办事指南、查询办理进度。')
    if (!saved || !code) return setProblem('授权信息无效或已过期，请重新登录。')
    loginYkb(code)
      .then(() => continueTo(decodeURIComponent(saved.next), true))
      .catch((e: unknown) => setProblem(e instanceof ApiError ? e.message : '登录失败，请重试'))
  }, [code, state, refused, loginYkb])

  return (
    <PageRoot className='account'>
      {!problem && <Text className='account__text' aria-live='polite'>正在完成渝快办授权登录…</Text>}
      {problem && (
        <View>
          <View className='account__error' role='alert'>{problem}</View>
          <Button block type='primary' size='large' className='account__button' onClick={() => void Taro.reLaunch({ url: '/pages/index/index' })}>
            返回首页
          </Button>
        </View>
      )}
    </PageRoot>
  )
}
