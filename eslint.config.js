// `npm run lint:code` (with knip): typescript-eslint's type-aware rules over the toolchain's own
// code. The rule set is `recommendedTypeChecked`; the rules turned off or relaxed below are listed
// with the reason each one fights a deliberate choice of this codebase rather than a fault.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'generated/',
      'build/',
      'dist/',
      'release/',
      'test-results/',
      '.tmp/',
      // Small specs and golden output: data for the tests, not the toolchain's code.
      'test/fixtures/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // A promise returned from inside `try` without `await` rejects after the `catch` has run:
      // the catch never sees its error (stop 17 → 18: buildModel became async and a docs error
      // escaped its wrapper). Outside try/catch a bare return is fine.
      '@typescript-eslint/return-await': ['error', 'in-try-catch'],
      // Unused names are faults, but `_`-prefixed parameters and rest siblings are how this code
      // says "deliberately ignored" (destructuring a field out of an object, a callback's slot).
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          caughtErrors: 'none',
          ignoreRestSiblings: true,
        },
      ],
      // Template literals interpolate numbers and booleans all over the generator (line numbers,
      // counts, flags in messages). Objects, arrays and `unknown` still fail: those print as
      // "[object Object]", a real fault.
      '@typescript-eslint/restrict-template-expressions': [
        'error',
        { allowNumber: true, allowBoolean: true, allowNullish: false, allowRegExp: true },
      ],
      // Fire-and-forget promises are faults; but `void main()`-style and event handlers that
      // return promises (node:http, child_process listeners) are the deliberate style here.
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: false }],
    },
  },
  {
    // Tests read JSON (`JSON.parse` is `any`) and compare with vitest's asymmetric matchers
    // (`expect.objectContaining(…)` is typed `any`): the no-unsafe-* rules would flag every one.
    files: ['test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  {
    // Type tests pass methods to `expectTypeOf(…)` to read their types (nothing calls them), and
    // their `@ts-expect-error` lines are wrong on purpose, so their values are error types.
    files: ['test/types/**/*.test-d.ts'],
    rules: {
      '@typescript-eslint/unbound-method': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
    },
  },
  {
    // Plain JavaScript (the package's own build.mjs, the compiled-generator launcher, the prettier
    // worker): syntax rules only, no type information.
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      ...tseslint.configs.disableTypeChecked.languageOptions,
      globals: {
        process: 'readonly',
        console: 'readonly',
        URL: 'readonly',
        Buffer: 'readonly',
        setTimeout: 'readonly',
        setImmediate: 'readonly',
        performance: 'readonly',
        clearTimeout: 'readonly',
        structuredClone: 'readonly',
      },
    },
  },
);
