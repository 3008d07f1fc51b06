import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', '.data/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['server/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: 'Literal[value=/set_config/]',
          message: 'Only the unit of work sets the app.* settings (who acts).',
        },
        {
          selector: 'TemplateElement[value.raw=/set_config/]',
          message: 'Only the unit of work sets the app.* settings (who acts).',
        },
      ],
    },
  },
  {
    // The database layer sits below HTTP and the features: it never imports them.
    files: ['server/src/db/**/*.ts', 'server/src/context/**/*.ts'],
    ignores: ['server/src/db/**/__tests__/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/http/*', '**/modules/*'],
              message: 'db/ and context/ do not import from http/ or modules/.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['client/src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    files: ['server/src/modules/**/*.ts'],
    ignores: ['**/*.repository.ts', '**/*.entity.ts', '**/__tests__/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'typeorm',
              message: 'Only repositories and entities use TypeORM.',
              allowTypeImports: true,
            },
          ],
        },
      ],
    },
  },
);
