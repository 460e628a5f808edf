/**
 * The launcher every npm script runs: `node scripts/run-tools.js <command> [options]`. It runs the
 * tools' program (`scripts/tools.ts`) from one esbuild bundle, `.cache/tools/tools.cjs`
 * (git-ignored), so a command starts without compiling TypeScript. The bundle is a build-step
 * artefact, never committed: its first line records the sha256 of every source file it was built
 * from (esbuild's metafile lists them) and of the build settings; when any of those files
 * changed, or the bundle is missing (a fresh clone), it is rebuilt first (about 0.3 s), so an
 * edited tree and a fresh clone both run the code as it is, with no manual step. Libraries stay
 * in node_modules (`packages: 'external'`) and load when the code that needs them runs: the gate's
 * SARIF and JUnit builders only for those formats. Plain Node: nothing may need the bundle to
 * build the bundle.
 */

const { createHash, randomBytes } = require('node:crypto');
const {
  closeSync,
  mkdirSync,
  openSync,
  readFileSync,
  readSync,
  renameSync,
  rmSync,
  writeFileSync,
} = require('node:fs');
const { join, resolve } = require('node:path');

const ROOT = resolve(__dirname, '..');
const ENTRY = 'scripts/tools.ts';
const BUNDLE = join(ROOT, '.cache', 'tools', 'tools.cjs');
const STAMP_PREFIX = '// tools-bundle ';
/** The stamp line holds every input's path; a few hundred files fit well within this. */
const STAMP_MAX_BYTES = 256 * 1024;

function buildOptions() {
  return {
    entryPoints: [ENTRY],
    absWorkingDir: ROOT,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    packages: 'external',
    outfile: BUNDLE,
    write: false,
    metafile: true,
    logLevel: 'error',
  };
}

/** sha256 of the build settings, esbuild's version and each input file's path and bytes. */
function sourcesHash(inputs, esbuildVersion) {
  const hash = createHash('sha256').update(JSON.stringify({ options: buildOptions(), esbuildVersion }));
  for (const input of inputs) hash.update(`\0${input}\0`).update(readFileSync(join(ROOT, input)));
  return hash.digest('hex');
}

function readStamp() {
  let fd;
  try {
    fd = openSync(BUNDLE, 'r');
    const head = Buffer.alloc(STAMP_MAX_BYTES);
    const length = readSync(fd, head, 0, head.length, 0);
    const line = head.subarray(0, length).toString('utf8').split('\n', 1)[0];
    return line.startsWith(STAMP_PREFIX) ? JSON.parse(line.slice(STAMP_PREFIX.length)) : undefined;
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function isFresh(stamp) {
  if (!stamp || !Array.isArray(stamp.inputs)) return false;
  try {
    return sourcesHash(stamp.inputs, stamp.esbuildVersion) === stamp.sha256;
  } catch {
    // An input was deleted or renamed: the bundle no longer matches the tree.
    return false;
  }
}

/** Builds the bundle and swaps it in with one rename, so concurrent runs never see half a file. */
function build() {
  const esbuild = require('esbuild');
  const result = esbuild.buildSync(buildOptions());
  const inputs = Object.keys(result.metafile.inputs).sort();
  const stamp = { sha256: sourcesHash(inputs, esbuild.version), esbuildVersion: esbuild.version, inputs };
  const code = result.outputFiles.find((file) => file.path === BUNDLE);
  mkdirSync(join(ROOT, '.cache', 'tools'), { recursive: true });
  const temporary = `${BUNDLE}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    writeFileSync(temporary, `${STAMP_PREFIX}${JSON.stringify(stamp)}\n${code.text}`, { flag: 'wx' });
    renameSync(temporary, BUNDLE);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}

function main() {
  if (!isFresh(readStamp())) {
    try {
      build();
    } catch (error) {
      process.stderr.write(`error: cannot build the tools' bundle from ${ENTRY}: ${error.message}\n`);
      process.exitCode = 2;
      return;
    }
  }
  require(BUNDLE)
    .runTools(process.argv.slice(2))
    .then((code) => {
      process.exitCode = code;
    });
}

main();
