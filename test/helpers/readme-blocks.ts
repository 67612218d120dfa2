/**
 * The TypeScript examples of a generated package's README as modules that import the package the
 * way a user's code does, for type-checking them with the package: each ```ts block is one module;
 * a block that uses `client` without making one gets it declared (the one from the README's
 * "Configure").
 */

/**
 * `README.md` blocks → module text by file name (`readme-<n>.ts`), with imports of the package
 * (`<name>`, `<name>/testing`) pointing at `entry` (`.` for modules in the package's `src/`).
 */
export function readmeModules(
  readme: string,
  sdk: { packageName: string; clientName: string },
  entry: string,
): Record<string, string> {
  const blocks = [...readme.matchAll(/^```ts\n([^]*?)\n```$/gm)].map((match) => match[1]!);
  return Object.fromEntries(
    blocks.map((code, index) => {
      const client = /\b(?:const|let) client\b/.test(code)
        ? ''
        : `declare const client: import('${entry}/index.js').${sdk.clientName};\n`;
      const local = code
        .replaceAll(`'${sdk.packageName}/testing'`, `'${entry}/testing/index.js'`)
        .replaceAll(`'${sdk.packageName}'`, `'${entry}/index.js'`);
      return [`readme-${index + 1}.ts`, `${client}${local}\nexport {};\n`];
    }),
  );
}
