/** `npm run bench`: the gate against `opa eval`, our synth against the official CLIs (scripts/bench/). */

import { runBench } from '../bench/bench';
import type { ToolCommand } from '../core/cli';

export const bench: ToolCommand = {
  abortLine: 'error: bench aborted (exit 2)',
  run: runBench,
};
