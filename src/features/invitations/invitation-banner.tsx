import { useEffect, useState } from 'react'
import { View, Text } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { INVITATION_TITLE } from '@/core/leads'
import { invitationsApi } from './api'
import './invitations.css'

export const INVITATIONS_PAGE = '/packages/track/pages/invitations/index'

/** On 我的申请: the applicant's waiting invitations, when there are any (nothing when they cannot be read). */
export function InvitationBanner({ refresh }: { refresh: number }) {
  const [count, setCount] = useState(0)
  useEffect(() => {
    invitationsApi.mine().then((list) => setCount(list.length), () => setCount(0))
  }, [refresh])
  if (count === 0) return null
  return (
    <View className='invite-banner' role='link' aria-label={`${INVITATION_TITLE}${count}条，查看`} onClick={() => void Taro.navigateTo({ url: INVITATIONS_PAGE })}>
      <Text className='invite-banner__text'>您有{count}条{INVITATION_TITLE}</Text>
      <Text className='invite-banner__go' aria-hidden>查看 ›</Text>
    </View>
  )
}
