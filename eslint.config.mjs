// @ts-check
// ESLint for the whole repository (npm run lint, also run by .ci/run): the recommended JavaScript
// and typescript-eslint rules, React's hook rules in the admin panel. Astro components are checked
// by the Astro build; generated and built files are skipped. Formatting is Prettier's, not ESLint's.
import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['**/dist/**', '**/build/**', '**/node_modules/**', '**/.strapi/**', '**/.tmp/**', '**/.astro/**', '**/types/generated/**', '.data/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      // A leading underscore marks a parameter or binding kept on purpose (a callback's signature).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
      // Not yet an error: the Strapi boundary (document data, query results) is still typed as any in places.
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
  {
    files: ['cms/src/admin/**'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },
  {
    // Tests load the compiled Strapi lazily, after they have set the environment it reads.
    files: ['test/**'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
