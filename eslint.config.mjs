// Lint: package boundaries first. A package is used only through its public entry point.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['**/dist/**', '**/build/**', '**/node_modules/**', '**/*.js', '**/*.cjs', '**/*.mjs', '**/out/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@strata-ml/*/*', 'strata-ml/*'], message: 'Import a package only through its entry point.' },
            { group: ['**/packages/*/src/**', '../../*/src/**', '../../../packages/**'], message: 'No deep imports across packages.' },
          ],
        },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
);
