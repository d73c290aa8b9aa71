/** The snippet file, imported as JSON (esbuild.js maps `.code-snippets` to its JSON loader). */
declare module '*.code-snippets' {
  const snippets: import('./languageService/languageService').SnippetFile;
  export default snippets;
}
