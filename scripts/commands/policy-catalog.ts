/** `policy:catalog`: registered here; its logic lives with the policies' tools (`scripts/policy-catalog.ts`). */

import type { ToolCommand } from '../core/cli';
import { main } from '../policy-catalog';

export const policyCatalog: ToolCommand = {
  abortLine: 'error: policy:catalog aborted (exit 2)',
  // The policy tools read argv as node gives it.
  run: async (args) => main(['node', 'policy:catalog', ...args]),
};
