import { GateExceptionsError } from '../core/errors';
import { isIsoDate } from '../core/iso-date';
import { applyExceptions, globToRegExp, type PolicyException, parseExceptions } from './exceptions';
import { SAMPLE_CATALOG } from './testing/sample-report';
import type { Violation } from './types';

const FILE = 'policies/exceptions.yaml';

function problemsOf(text: string): readonly string[] {
  try {
    parseExceptions(text, FILE, SAMPLE_CATALOG);
  } catch (error) {
    if (error instanceof GateExceptionsError) return error.problems;
    throw error;
  }
  throw new Error('expected the exceptions to be refused');
}

const VALID = `exceptions:
  - policy: ECO-SUS-001
    resource: "aws_eks_node_group.*"
    environment: dev
    justification: x86-only build agent until the vendor ships arm64 images
    owner: platform-team
    expires: 2027-03-31
`;

describe('parseExceptions', () => {
  it('reads a valid entry, keeping its index', () => {
    expect(parseExceptions(VALID, FILE, SAMPLE_CATALOG)).toEqual([
      {
        index: 0,
        policy: 'ECO-SUS-001',
        resource: 'aws_eks_node_group.*',
        environment: 'dev',
        justification: 'x86-only build agent until the vendor ships arm64 images',
        owner: 'platform-team',
        expires: '2027-03-31',
      },
    ]);
  });

  it('accepts an empty list and an empty file', () => {
    expect(parseExceptions('exceptions: []\n', FILE, SAMPLE_CATALOG)).toEqual([]);
    expect(parseExceptions('# none yet\n', FILE, SAMPLE_CATALOG)).toEqual([]);
  });

  it('refuses an unknown policy id, naming the entry and field', () => {
    expect(problemsOf(VALID.replace('ECO-SUS-001', 'ECO-NOPE-999'))).toEqual([
      'line 2: entry 0 field "policy": "ECO-NOPE-999" is not a policy id in catalog.json',
    ]);
  });

  it('refuses a missing justification and an empty owner', () => {
    const text = VALID.replace(/ {4}justification: .*\n/, '').replace('owner: platform-team', 'owner: ""');
    expect(problemsOf(text)).toEqual([
      // A missing field is located at its entry, a present one at its own line.
      'line 2: entry 0 field "justification": required, a non-empty string',
      'line 5: entry 0 field "owner": required, a non-empty string',
    ]);
  });

  it('refuses dates that are not real YYYY-MM-DD days, saying an impossible date is impossible', () => {
    // Before: "is not a date written YYYY-MM-DD", which it is.
    expect(problemsOf(VALID.replace('2027-03-31', '2027-02-30'))).toEqual([
      'line 7: entry 0 field "expires": "2027-02-30" is an impossible date: that day does not exist in the calendar',
    ]);
    expect(problemsOf(VALID.replace('2027-03-31', '31/03/2027'))[0]).toMatch(/field "expires"/);
  });

  it('refuses unknown keys and unknown environments, reporting every problem at once', () => {
    const text = `${VALID.replace('environment: dev', 'environment: qa')}    reason: typo of justification\n`;
    expect(problemsOf(text)).toEqual([
      'line 8: entry 0 field "reason": unknown field; allowed: policy, resource, environment, justification, owner, expires',
      'line 4: entry 0 field "environment": "qa" is not one of dev, staging, prod',
    ]);
  });

  it('names the index of the bad entry among good ones', () => {
    const text = `${VALID}  - policy: ECO-ENC-001\n    resource: x\n    justification: j\n    owner: web-team\n`;
    expect(problemsOf(text)).toEqual(['line 8: entry 1 field "expires": null is not a date written YYYY-MM-DD']);
  });

  it('refuses a file that is not a mapping with an exceptions list', () => {
    expect(problemsOf('- policy: ECO-ENC-001\n')).toEqual([
      'the file must be a mapping with the key "exceptions", holding a list (and optionally "maxWaiverDays")',
    ]);
  });
});

describe('parseExceptions: waivers auditors can trust', () => {
  const TODAY = '2026-12-01';
  const problems = (text: string): readonly string[] => {
    try {
      parseExceptions(text, FILE, SAMPLE_CATALOG, TODAY);
    } catch (error) {
      if (error instanceof GateExceptionsError) return error.problems;
      throw error;
    }
    return [];
  };

  it.each(['**', '*', '*.*', '*/**', '**/*', '?*', '*/*/*'])('refuses the blanket waiver "%s"', (pattern) => {
    expect(problems(VALID.replace('"aws_eks_node_group.*"', `"${pattern}"`))).toEqual([
      `line 3: entry 0 field "resource": "${pattern}" matches every resource (a blanket waiver); name the resources, e.g. "Deployment/shop/*"`,
    ]);
  });

  it('accepts a pattern that names something', () => {
    expect(problems(VALID.replace('"aws_eks_node_group.*"', '"Deployment/shop/*"'))).toEqual([]);
  });

  it('caps expiry at 180 days from the day judged by default, and at maxWaiverDays when the file sets it', () => {
    expect(problems(VALID.replace('2027-03-31', '2027-05-30'))).toEqual([]);
    expect(problems(VALID.replace('2027-03-31', '2027-05-31'))).toEqual([
      'line 7: entry 0 field "expires": "2027-05-31" is 181 days after 2026-12-01, beyond the 180-day maximum waiver (maxWaiverDays); renew it closer to the date instead',
    ]);
    expect(problems(`maxWaiverDays: 30\n${VALID}`)).toEqual([
      'line 8: entry 0 field "expires": "2027-03-31" is 120 days after 2026-12-01, beyond the 30-day maximum waiver (maxWaiverDays); renew it closer to the date instead',
    ]);
  });

  it('refuses a maxWaiverDays that would lift the cap', () => {
    expect(problems(`maxWaiverDays: 10000\n${VALID}`)).toEqual([
      '"maxWaiverDays": 10000 must be a whole number of days from 1 to 365 (default 180)',
    ]);
  });

  it('still loads an expired exception, so the gate can report it as expired', () => {
    expect(problems(VALID.replace('2027-03-31', '2026-01-31'))).toEqual([]);
  });

  it.each(['x', 'ab', 'a b', '@'])('refuses the owner "%s", which names nobody', (owner) => {
    expect(problems(VALID.replace('owner: platform-team', `owner: "${owner}"`))).toEqual([
      `line 6: entry 0 field "owner": "${owner}" is not a team handle (at least 3 characters, e.g. platform-team) or an e-mail address`,
    ]);
  });

  it.each(['platform-team', '@ecolaura/platform', 'sre@ecolaura.example'])('accepts the owner "%s"', (owner) => {
    expect(problems(VALID.replace('owner: platform-team', `owner: "${owner}"`))).toEqual([]);
  });

  it('refuses a duplicate entry, naming both and the line of the second', () => {
    const second = VALID.replace('exceptions:\n', '').replace(
      'justification: x86-only',
      'justification: again, x86-only',
    );
    expect(problems(`${VALID}${second}`)).toEqual([
      'line 8: entry 1: duplicates entry 0 (same policy, resource and environment); keep one',
    ]);
  });

  it('names the line of a parse error', () => {
    expect(problems(`${VALID}  - policy: [unclosed\n`)[0]).toMatch(/^line \d+: cannot parse: /);
  });
});

describe('globToRegExp', () => {
  it('lets * stop at a slash while ** crosses it', () => {
    expect(globToRegExp('Deployment/*/backend').test('Deployment/ecolaura/backend')).toBe(true);
    expect(globToRegExp('Deployment/*').test('Deployment/ecolaura/backend')).toBe(false);
    expect(globToRegExp('Deployment/**').test('Deployment/ecolaura/backend')).toBe(true);
  });

  it('treats dots and brackets literally', () => {
    expect(globToRegExp('aws_s3_bucket.logs[0]').test('aws_s3_bucket.logs[0]')).toBe(true);
    expect(globToRegExp('aws_s3_bucket.logs').test('aws_s3_bucketXlogs')).toBe(false);
  });
});

describe('isIsoDate', () => {
  it('accepts real days only', () => {
    expect(['2024-02-29', '2026-12-31'].map(isIsoDate)).toEqual([true, true]);
    expect(['2025-02-29', '2026-1-01', '2026-01-01T00:00'].map(isIsoDate)).toEqual([false, false, false]);
  });
});

describe('applyExceptions', () => {
  const violation: Violation = {
    policy: 'ECO-SUS-001',
    severity: 'low',
    title: 'Graviton',
    resource: 'aws_eks_node_group.general',
    file: 'terraform/cdktf.out/stacks/dev/cdk.tf.json',
    line: 10,
    environment: 'dev',
    message: 'use Graviton',
  };
  const exception: PolicyException = parseExceptions(VALID, FILE, SAMPLE_CATALOG)[0] as PolicyException;

  it('waives a matching violation while the exception is unexpired, through its last day', () => {
    const { findings, stale } = applyExceptions([violation], [exception], '2027-03-31');
    expect(findings[0]).toMatchObject({ waived: true, exception: { index: 0, expired: false } });
    expect(stale).toEqual([]);
  });

  it('stops waiving the day after expiry and says which exception expired', () => {
    const { findings, stale } = applyExceptions([violation], [exception], '2027-04-01');
    expect(findings[0]).toMatchObject({ waived: false, exception: { index: 0, expired: true } });
    expect(stale).toEqual([]);
  });

  it('does not waive another environment or another policy', () => {
    const prod = { ...violation, environment: 'prod' as const };
    const other = { ...violation, policy: 'ECO-ENC-001' };
    const { findings } = applyExceptions([prod, other], [exception], '2026-01-01');
    expect(findings.map((f) => f.waived)).toEqual([false, false]);
    expect(findings.map((f) => f.exception)).toEqual([undefined, undefined]);
  });

  it('reports an exception that matches nothing as stale, flagging it when also expired', () => {
    expect(applyExceptions([], [exception], '2026-01-01').stale).toEqual([{ ...exception, expired: false }]);
    expect(applyExceptions([], [exception], '2028-01-01').stale).toEqual([{ ...exception, expired: true }]);
  });
});
