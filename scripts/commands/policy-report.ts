/**
 * `policy:report [--format markdown|html|json] [--output FILE]`: the auditor evidence report
 * (scripts/policy-report/). Exit 0 passing, 1 violations or evidence gaps, 2 no report.
 */

import type { ToolCommand } from '../core/cli';
import { runPolicyReport } from '../policy-report/cli';

export const policyReport: ToolCommand = {
  abortLine: 'error: policy report aborted: nothing written (exit 2)',
  // runPolicyReport reads argv as node gives it, and reports its own failures.
  run: (args) => runPolicyReport(['node', 'policy:report', ...args]),
};
