// Taro's babel preset, plus on-demand NutUI imports (component code and its CSS only).
// Also used by babel-jest: under Jest, NutUI resolves to its CommonJS build without CSS
// (the ES build and the full bundle do not load in Node).
const isTest = process.env.NODE_ENV === 'test'
const nutuiDir = isTest ? 'dist/cjs/packages' : 'dist/es/packages'

// weapp: our code and Taro's are compiled down to ES2018, not to package.json's browserslist (iOS 8). The main
// package already ships ES2018 as it is, in the packages Taro does not compile (axios's classes, async functions and
// object spread; zustand's spread), so a client whose engine cannot parse it cannot run the app today; compiling
// the rest lower only made it bigger (main package 413.5 → 390.0 KB). iOS 11.3 (JavaScriptCore, the service
// thread there) and Chrome 60 are the first with all of ES2018's syntax. H5 keeps the browserslist.
const weappTargets = process.env.TARO_ENV === 'weapp' && !isTest ? { ios: '11.3', chrome: '60' } : undefined

module.exports = {
  presets: [['taro', { framework: 'react', ts: true, compiler: 'webpack5', ...(weappTargets ? { targets: weappTargets } : {}) }]],
  plugins: [
    [
      'import',
      {
        libraryName: '@nutui/nutui-react-taro',
        camel2DashComponentName: false,
        customName: (name) => `@nutui/nutui-react-taro/${nutuiDir}/${name.toLowerCase()}`,
        // `style` receives the path customName produced
        style: isTest ? false : (componentPath) => `${componentPath}/style/css`,
      },
      'nutui-react-taro',
    ],
  ],
}
