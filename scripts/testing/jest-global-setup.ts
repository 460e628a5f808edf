/**
 * Jest's global setup: one fresh synth of the repository's sources, shared by every suite that
 * needs one (drift, pr:summary, synth determinism), instead of a synth per suite. Its folder is
 * passed to the workers in SHARED_SYNTH_VARIABLE; the global teardown removes it.
 */

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SHARED_SYNTH_VARIABLE, synthInto } from '../lib/testing/fresh-synth';

export default async function globalSetup(): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), 'ecolaura-shared-synth-'));
  // Workers start after the setup and inherit the environment, so this is how they find it.
  process.env[SHARED_SYNTH_VARIABLE] = root;
  await synthInto(root);
}
