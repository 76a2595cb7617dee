// Jest projects: unit (pure logic and stores), contract (app client <-> mock server in-process),
// e2e (H5 build + real server + headless Chromium), weapp (the weapp build in a WeChat-like vm). Run from the repository root.
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
  // Coverage of the code unit and contract tests exercise (run-all.sh passes --coverage): the app's logic and the
  // whole mock server. Pages and H5/weapp glue are covered by the browser and weapp runtime tests instead.
  rootDir: root,
  // real servers, password hashing and 20 MB uploads under coverage instrumentation: a busy machine needs more than
  // Jest's 5 s (testTimeout is a global option; a project-level one is ignored)
  testTimeout: 30_000,
  collectCoverageFrom: ['src/**/*.{ts,tsx}', 'mock/**/*.ts', '!src/**/*.config.ts', '!**/*.d.ts'],
  coverageDirectory: '<rootDir>/test/output/coverage',
  coverageReporters: ['text-summary', 'json-summary', 'lcov'],
  projects: [
    { ...common, displayName: 'unit', testEnvironment: 'node', testMatch: ['<rootDir>/test/unit/**/*.test.ts?(x)'] },
    { ...common, displayName: 'contract', testEnvironment: 'node', testMatch: ['<rootDir>/test/contract/**/*.test.ts'] },
    { ...common, displayName: 'e2e', testEnvironment: 'node', testMatch: ['<rootDir>/test/e2e/**/*.test.ts'] },
    // the weapp build (npm run build:weapp) run in a Node vm shaped like WeChat's service thread
    { ...common, displayName: 'weapp', testEnvironment: 'node', testMatch: ['<rootDir>/test/weapp/**/*.test.ts'] },
  ],
}
