// Jest projects: unit (pure logic and stores), contract (app client <-> mock server in-process),
// e2e (H5 build + real server + headless Chromium). Run from the repository root.
const path = require('path')
const root = path.resolve(__dirname, '..')
const common = {
  rootDir: root,
  transform: { '^.+\\.[jt]sx?$': ['babel-jest', { configFile: path.join(root, 'babel.config.js') }] },
  // A few server dependencies ship ESM only; Jest on Node 20 cannot require() them untransformed.
  transformIgnorePatterns: ['/node_modules/(?!(cookie|content-disposition)/)'],
  moduleFileExtensions: ['ts', 'tsx', 'js', 'jsx', 'json'],
  moduleNameMapper: {
    '^@/(.*)$': '<rootDir>/src/$1',
    '^@tarojs/taro$': '<rootDir>/test/mocks/taro.js',
    '^@tarojs/components$': '<rootDir>/test/mocks/components.js',
    '\\.(css|scss)$': '<rootDir>/test/mocks/style.js',
  },
}
module.exports = {
  projects: [
    { ...common, displayName: 'unit', testEnvironment: 'node', testMatch: ['<rootDir>/test/unit/**/*.test.ts?(x)'] },
    { ...common, displayName: 'contract', testEnvironment: 'node', testMatch: ['<rootDir>/test/contract/**/*.test.ts'] },
    { ...common, displayName: 'e2e', testEnvironment: 'node', testMatch: ['<rootDir>/test/e2e/**/*.test.ts'] },
  ],
}
