/**
 * `npm run check:install`, right after `npm ci --ignore-scripts`: proves the native pieces the
 * tools need work without any package's install script. Plain Node (no tsx): it runs before
 * anything TypeScript can.
 *
 * Four locked packages declare install scripts (`hasInstallScript` in package-lock.json):
 * - esbuild (under tsx): its postinstall only checks the binary of `@esbuild/<platform>`, an
 *   optional dependency npm installs without scripts; checked here by transforming TypeScript.
 * - @swc/core (under @swc/jest): its postinstall only checks the `@swc/core-<platform>` binding,
 *   also an optional dependency; checked here the same way.
 * - @cdktf/node-pty-prebuilt-multiarch (cdktf-cli): a pseudo-terminal addon for cdktf's
 *   interactive mode; nothing here runs cdktf-cli interactively, so it stays unbuilt.
 * - @parcel/watcher (cdktf-cli's watch mode, unused): builds from source only when its prebuilt
 *   `@parcel/watcher-<platform>` package is missing.
 * Exit 0: both work; 1: one does not (named, with the fix).
 */

const TYPESCRIPT = 'const answer: number = 42;\nexport default answer;\n';

const checks = [
  {
    name: 'esbuild (tsx)',
    run: () => require('esbuild').transformSync(TYPESCRIPT, { loader: 'ts' }).code,
    version: () => require('esbuild').version,
  },
  {
    name: '@swc/core (@swc/jest)',
    run: () => require('@swc/core').transformSync(TYPESCRIPT, { jsc: { parser: { syntax: 'typescript' } } }).code,
    version: () => require('@swc/core/package.json').version,
  },
];

let failed = 0;
for (const check of checks) {
  try {
    const code = check.run();
    if (!code.includes('42')) throw new Error('the transform returned no code');
    console.log(`info: ${check.name} ${check.version()} works without install scripts`);
  } catch (error) {
    failed += 1;
    console.error(
      `error: ${check.name} does not work after npm ci --ignore-scripts: ${error instanceof Error ? error.message.split('\n')[0] : error}. ` +
        'Its platform package (an optional dependency) is missing: check that npm did not omit optional dependencies (--omit=optional).',
    );
  }
}
process.exit(failed > 0 ? 1 : 0);
