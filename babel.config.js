// Taro's babel preset, plus on-demand NutUI imports (component code and its CSS only).
// Also used by babel-jest: under Jest, NutUI resolves to its CommonJS build without CSS
// (the ES build and the full bundle do not load in Node).
const isTest = process.env.NODE_ENV === 'test'
const nutuiDir = isTest ? 'dist/cjs/packages' : 'dist/es/packages'

// Both builds: our code and Taro's are compiled down to ES2018, not to package.json's browserslist (iOS 8). Each
// already ships ES2018 as it is, in the packages Taro does not compile (axios's classes, async functions and object
// spread; zustand's spread), so a client whose engine cannot parse it cannot run the app today; compiling the rest
// lower only made it bigger (weapp main package 413.5 → 390.0 KB; H5 start page's JS 114.1 → 109.6 KiB as sent) and slower
// (regenerator state machines for every async function). iOS 11.3 (JavaScriptCore, WeChat's service thread and
// Safari) and Chrome 60 (Android's WebView) are the first with all of ES2018's syntax. browserslist still drives
// the CSS prefixes of the H5 build.
const targets = isTest ? undefined : { ios: '11.3', chrome: '60' }

module.exports = {
  presets: [['taro', { framework: 'react', ts: true, compiler: 'webpack5', ...(targets ? { targets } : {}) }]],
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
