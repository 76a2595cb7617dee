// Lint: typescript-eslint's recommended rules, React hooks rules, and the import direction of style.md:
// core and contract never import app code; features never import pages.
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'

const noImport = (patterns, message) => ['error', { patterns: [{ group: patterns, message }] }]

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'test/output/**', 'mock/.data/**', '**/*.js', '**/*.mjs'] },
  ...tseslint.configs.recommended,
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-console': 'error',
    },
  },
  {
    files: ['src/core/**/*.ts', 'src/contract/**/*.ts'],
    rules: {
      'no-restricted-imports': noImport(['@tarojs/*', 'react', '@/features/*', '@/pages/*', '@/lib/*', '../lib/*', '../features/*', '../pages/*'],
        'core and contract are shared with the mock server: no app or platform imports'),
    },
  },
  {
    files: ['src/features/**/*.{ts,tsx}', 'src/lib/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': noImport(['@/pages/*', '../pages/*', '../../pages/*'], 'imports flow shared → features → pages') },
  },
  {
    files: ['src/packages/**/*.{ts,tsx}', 'src/pages/**/*.{ts,tsx}'],
    // the staff feature's generic caller and raw file helpers are its own plumbing: pages ask its api module (staff/api.ts)
    rules: {
      'no-restricted-imports': noImport(
        ['@/lib/http/client', '@/lib/http/upload', '@/lib/files/open-protected', '@/features/*/staff-api', '@/features/*/open-file', '@/features/*/fetch-text'],
        'pages ask features, features ask the API: call a feature\'s api module'),
    },
  },
  {
    // the weapp build leaves Taro's HTML parser out (mini.runtime.enableInnerHTML in config/index.ts): there, HTML
    // set as a string would draw nothing
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/**/*.h5.{ts,tsx}'],
    rules: {
      'no-restricted-syntax': ['error',
        { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'the weapp has no HTML parser: build the nodes in JSX' },
        { selector: 'MemberExpression[property.name=/^(innerHTML|outerHTML)$/]', message: 'the weapp has no HTML parser: build the nodes in JSX' }],
    },
  },
  {
    files: ['mock/**/*.ts'],
    rules: { 'no-restricted-imports': noImport(['**/src/features/*', '**/src/pages/*', '**/src/lib/*', '@tarojs/*'], 'the mock shares only src/core and src/contract with the app') },
  },
  {
    files: ['test/**/*.{ts,tsx}'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
)
