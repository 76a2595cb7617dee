import type { UserConfigExport } from '@tarojs/cli'

export default {
  logger: { quiet: false, stats: true },
  // NutUI stays out of the prebundle: with it the dev weapp output passes WeChat's 2 MB limit.
  compiler: { type: 'webpack5', prebundle: { enable: true, exclude: ['@nutui/nutui-react-taro', '@nutui/icons-react-taro'] } },
  mini: {},
  h5: {},
} satisfies UserConfigExport<'webpack5'>
