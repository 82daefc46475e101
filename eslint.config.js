// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/', 'completions/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        setInterval: 'readonly',
        clearInterval: 'readonly',
        Buffer: 'readonly',
        URL: 'readonly',
        AbortController: 'readonly',
        AbortSignal: 'readonly',
        performance: 'readonly',
        structuredClone: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    // Commands get streams, env and exit codes from the context; only the entry points touch process.
    files: ['src/commands/**/*.ts', 'src/api/**/*.ts', 'src/output/**/*.ts', 'src/config/**/*.ts'],
    rules: {
      'no-restricted-globals': [
        'error',
        { name: 'process', message: 'Use the Context (ctx.env, ctx.stdout, ...) instead.' },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'console', message: 'Write to ctx.stdout / ctx.stderr.' },
      ],
    },
  },
  {
    // The output layer is below the commands: it never imports commands, the API client, the global
    // options or the runtime (they import it).
    files: ['src/output/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/commands/**', '**/api/**', '**/globals.js', '**/runtime.js'],
              message: 'src/output/ is a lower layer: pass what it needs in as options.',
            },
          ],
        },
      ],
    },
  },
  {
    // The transport is below the API client and the downloads: it never imports them or the commands.
    // Downloads use the transport, never the API client's internals.
    files: ['src/http/**/*.ts', 'src/download/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/api/**', '**/commands/**', '**/runtime.js', '**/factory.js'],
              message:
                'src/http/ and src/download/ are lower layers: use src/http/, or pass what is needed in.',
            },
          ],
        },
      ],
    },
  },
);
