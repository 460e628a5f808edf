import { EXIT, runValidateManifests } from './manifests/cli';

/**
 * `npm run validate:manifests [-- paths…]`: schema and consistency check of the synthesized
 * Kubernetes manifests (default `clusters/`). See scripts/README.md.
 */
runValidateManifests(process.argv.slice(2), {
  info: (line) => process.stdout.write(`${line}\n`),
  error: (line) => process.stderr.write(`${line}\n`),
}).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = EXIT.usage;
  },
);
