/// <reference types="@tarojs/taro" />

declare module '*.css'
declare module '*.png'

declare namespace NodeJS {
  interface ProcessEnv {
    TARO_ENV: 'weapp' | 'h5' | string
    TARO_APP_API_BASE?: string
  }
}
