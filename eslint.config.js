// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

export default tseslint.config(
  { ignores: ['out/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', '.reports/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
    },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Only the shell may touch Electron (see ARCHITECTURE.md); a test double-checks this.
      'no-restricted-imports': ['error', { paths: [{ name: 'electron', message: 'Chỉ src/main/shell được import electron.' }] }],
    },
  },
  {
    files: ['src/main/shell/**/*.ts', 'test/fixtures/electron-stub/**'],
    rules: { 'no-restricted-imports': 'off' },
  },
);
