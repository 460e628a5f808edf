/**
 * `npm run policy:report -- [--format markdown|html|json] [--output FILE]`: the auditor evidence
 * report (scripts/policy-report/). Exit 0 passing, 1 violations or evidence gaps, 2 no report.
 */

import { runPolicyReport } from './policy-report/cli';

runPolicyReport(process.argv).then((code) => {
  process.exitCode = code;
});
