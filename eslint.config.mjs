// One lint config for the whole tree.
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', 'test/e2e/node_modules/**', 'test/e2e/.build/**', 'test/extension/.build/**', 'test/**/.build/**', '**/*.generated.ts', '.vscode-test/**'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.js', '**/*.mjs'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
      '@typescript-eslint/no-non-null-assertion': 'off',
      'no-constant-condition': ['error', { checkLoops: false }],
      eqeqeq: ['error', 'always'],
    },
  },
  {
    // The language service is pure: no editor, no LSP connection, no file system.
    files: ['server/src/languageService/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [
          { name: 'vscode', message: 'The language service must not depend on VS Code.' },
          { name: 'vscode-languageserver', message: 'Use vscode-languageserver-types; the connection lives in server.ts.' },
          { name: 'vscode-languageserver/node', message: 'Use vscode-languageserver-types; the connection lives in server.ts.' },
          { name: 'fs', message: 'File access is injected into the language service.' },
          { name: 'fs/promises', message: 'File access is injected into the language service.' },
          { name: 'path', message: 'The language service works on URIs and strings.' },
          { name: 'child_process', message: 'The language service does no I/O.' },
        ],
      }],
    },
  },
  {
    // The hosts translate between their transport and the facade: nothing of the service's inside.
    files: ['server/src/server.ts', 'server/src/cli.ts', 'server/src/agentTools.ts', 'server/src/mcpServer.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{ group: ['./languageService/*/**'], message: 'Go through the facade (languageService/languageService.ts).' }],
      }],
    },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { require: 'readonly', module: 'writable', process: 'readonly', __dirname: 'readonly', console: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
