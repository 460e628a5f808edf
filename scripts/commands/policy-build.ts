/** `policy:build`: registered here; its logic lives with the policies' tools (`scripts/policy-build.ts`). */

import type { ToolCommand } from '../core/cli';
import { main } from '../policy-build';

export const policyBuild: ToolCommand = {
  abortLine: 'error: policy:build aborted (exit 2)',
  // The policy tools read argv as node gives it.
  run: async (args) => main(['node', 'policy:build', ...args]),
};
