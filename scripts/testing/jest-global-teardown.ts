/** Jest's global teardown: removes the shared synth the global setup wrote. */

import { rmSync } from 'node:fs';
import { SHARED_SYNTH_VARIABLE } from '../lib/testing/fresh-synth';

export default function globalTeardown(): void {
  const root = process.env[SHARED_SYNTH_VARIABLE];
  if (root) rmSync(root, { recursive: true, force: true });
}
