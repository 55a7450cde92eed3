// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

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
    files: ['**/*.{js,mjs,cjs}'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    // The shell (window) and the preload (bridge) are the two places Electron runs.
    files: ['src/main/shell/**/*.ts', 'src/preload/**/*.ts', 'test/fixtures/electron-stub/**'],
    rules: { 'no-restricted-imports': 'off' },
  },
);
