import { View, Text } from '@tarojs/components'
import { useSession } from '@/features/auth/stores/session-store'

/** Who is signed in (masked), with a way out. Hidden when nobody is. */
export function AccountBar() {
  const me = useSession((s) => s.me)
  const signOut = useSession((s) => s.signOut)
  if (!me) return null
  return (
    <View className='account-bar'>
      <Text className='account-bar__who'>已登录：{me.identity ? `${me.identity.nameMasked}（渝快办实名）` : '微信用户'}</Text>
      <View className='account-bar__out' role='button' onClick={() => void signOut()}>退出登录</View>
    </View>
  )
}
