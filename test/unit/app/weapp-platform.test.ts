// The weapp-only platform adapters, against the base libraries we support (oldest first).
type Api = Record<string, unknown>

/** A fresh module registry: the adapter and the Taro stand-in it sees, patched with `patch`. */
async function fresh<T>(modulePath: string, patch: Api): Promise<T> {
  jest.resetModules()
  const taro = (await import('@tarojs/taro')).default as unknown as Api
  Object.assign(taro, patch)
  return (await import(modulePath)) as T
}

const PRIVACY = '../../../src/features/auth/platform-privacy.weapp'
const FONT = '../../../src/features/a11y/system-font-scale'
const SUBSCRIBE = '../../../src/features/track/subscribe.weapp'
type Privacy = typeof import('../../../src/features/auth/platform-privacy.weapp')
type Font = typeof import('../../../src/features/a11y/system-font-scale')
type Subscribe = typeof import('../../../src/features/track/subscribe.weapp')

describe('weapp platform adapters', () => {
  it('should let consent through on a base library without the privacy framework (< 2.32.3)', async () => {
    const refused = jest.fn(() => Promise.reject(new Error('requirePrivacyAuthorize:fail not supported')))
    const { requirePlatformPrivacy } = await fresh<Privacy>(PRIVACY, { canIUse: (name: string) => name !== 'requirePrivacyAuthorize', requirePrivacyAuthorize: refused })
    expect(await requirePlatformPrivacy()).toBe(true)
    expect(refused).not.toHaveBeenCalled()
  })

  it('should ask WeChat where the framework exists, and respect a refusal', async () => {
    const denied = await fresh<Privacy>(PRIVACY, { canIUse: () => true, requirePrivacyAuthorize: () => Promise.reject(new Error('deny')) })
    expect(await denied.requirePlatformPrivacy()).toBe(false)
    const agreed = await fresh<Privacy>(PRIVACY, { canIUse: () => true, requirePrivacyAuthorize: () => Promise.resolve({}) })
    expect(await agreed.requirePlatformPrivacy()).toBe(true)
  })

  it('should read the font scale once, from getAppBaseInfo where it exists', async () => {
    const getAppBaseInfo = jest.fn(() => ({ fontSizeSetting: 20 }))
    const getSystemInfoSync = jest.fn(() => ({ fontSizeSetting: 16 }))
    const { systemFontScale } = await fresh<Font>(FONT, { getAppBaseInfo, getSystemInfoSync })
    for (let i = 0; i < 10; i++) expect(systemFontScale()).toBe(1.25)
    expect(getAppBaseInfo).toHaveBeenCalledTimes(1)
    expect(getSystemInfoSync).not.toHaveBeenCalled()
  })

  it('should fall back to getSystemInfoSync on a base library without getAppBaseInfo (< 2.20.1)', async () => {
    const getSystemInfoSync = jest.fn(() => ({ fontSizeSetting: 24 }))
    const { systemFontScale } = await fresh<Font>(FONT, { getAppBaseInfo: undefined, getSystemInfoSync })
    expect(systemFontScale()).toBe(1.5)
    expect(getSystemInfoSync).toHaveBeenCalledTimes(1)
  })

  it('should not offer 订阅办理进度提醒 when no template ids are configured', async () => {
    const saved = process.env.TARO_APP_SUBSCRIBE_TEMPLATES
    try {
      process.env.TARO_APP_SUBSCRIBE_TEMPLATES = ''
      expect((await fresh<Subscribe>(SUBSCRIBE, {})).SUBSCRIBE_AVAILABLE).toBe(false)
      process.env.TARO_APP_SUBSCRIBE_TEMPLATES = 'tmpl-a, tmpl-b'
      expect((await fresh<Subscribe>(SUBSCRIBE, {})).SUBSCRIBE_AVAILABLE).toBe(true)
    } finally {
      process.env.TARO_APP_SUBSCRIBE_TEMPLATES = saved
    }
  })
})
