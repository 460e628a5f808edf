/** `policy:verify`: registered here; its logic lives with the policies' tools (`scripts/policy-verify.ts`). */

import type { ToolCommand } from '../core/cli';
import { main } from '../policy-verify';

export const policyVerify: ToolCommand = {
  abortLine: 'error: policy:verify aborted: no verdict (exit 2)',
  // The policy tools read argv as node gives it.
  run: async (args) => main(['node', 'policy:verify', ...args]),
};
