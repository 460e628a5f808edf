/**
 * `validate:manifests [paths…]`: schema and consistency check of the synthesized Kubernetes
 * manifests (default `clusters/`). See scripts/README.md.
 */

import type { ToolCommand } from '../core/cli';
import { runValidateManifests } from '../manifests/cli';

export const validateManifests: ToolCommand = {
  abortLine: 'error: validate:manifests aborted (exit 2)',
  run: (args) =>
    runValidateManifests(args, {
      info: (line) => process.stdout.write(`${line}\n`),
      error: (line) => process.stderr.write(`${line}\n`),
    }),
};
