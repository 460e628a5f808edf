import { sampleReport } from '../gate/testing/sample-report';
import { formatHtml } from './format-html';
import { formatJson } from './format-json';
import { formatJunit } from './format-junit';
import { formatMarkdown } from './format-markdown';
import { formatSarif } from './format-sarif';
import { formatText } from './format-text';

const report = sampleReport();
const passing = sampleReport(sampleReport().findings.filter((finding) => finding.waived));

describe('formatText', () => {
  const text = formatText(report);

  it('groups failing findings by severity then policy, critical first, each with file:line', () => {
    expect(text.indexOf('CRITICAL (1)')).toBeLessThan(text.indexOf('HIGH (1)'));
    expect(text).toContain('  ECO-ENC-001  RDS storage encrypted with a customer-managed key\n');
    expect(text).toContain('    clusters/prod/backend/Deployment.backend.yaml:2  Deployment/ecolaura/backend\n');
    expect(text).not.toContain('LOW (');
  });

  it('names the TypeScript line first and lists once every place one root cause reaches', () => {
    expect(text).toContain(
      [
        '    terraform/cdktf.out/stacks/prod/cdk.tf.json:120  aws_db_instance.database',
        '      created by terraform/database/postgres-database.ts:127 (construct prod/database/instance)',
        '',
      ].join('\n'),
    );
    expect(text).toContain(
      '      occurs in 3 places: prod config terraform/cdktf.out/stacks/prod/cdk.tf.json:120; prod plan .tfcheck/prod/plan.json → terraform/cdktf.out/stacks/prod/cdk.tf.json:120; dev config terraform/cdktf.out/stacks/dev/cdk.tf.json:98\n',
    );
  });

  it('explains an expired exception next to the violation it no longer waives', () => {
    expect(text).toContain(
      'exception #1 (ECO-ENC-001 on "aws_db_instance.*", owner platform-team, expires 2026-01-01) expired',
    );
  });

  it('lists waived findings with their justification and stale exceptions with the fix', () => {
    expect(text).toContain('WAIVED (1)');
    expect(text).toContain('x86-only build agent');
    expect(text).toContain('STALE EXCEPTIONS (1)');
    expect(text).toContain(
      'exception #2 (ECO-GDPR-001 on "Deployment/old/*", owner platform-team, expires 2027-03-31) matches no violation and has expired: remove it',
    );
  });

  it('closes with an error: summary line counting every category', () => {
    expect(text.trimEnd().split('\n').at(-1)).toBe(
      'error: gate failed: 2 violations (1 critical, 1 high, 0 medium, 0 low), 1 waived, 1 stale exception, 1 violation under an expired exception; 82 resources in 3 files',
    );
  });

  it('closes with an info: summary line when only waived findings remain', () => {
    expect(formatText(passing).trimEnd().split('\n').at(-1)).toMatch(/^info: gate passed: 0 violations/);
  });
});

describe('formatJson', () => {
  const parsed = JSON.parse(formatJson(report)) as Record<string, unknown>[];

  it('lists every finding with the contract fields, waived ones included', () => {
    expect(parsed).toHaveLength(3);
    expect(parsed[0]).toEqual({
      policy: 'ECO-GDPR-001',
      severity: 'high',
      title: 'Workloads carry the GDPR labels',
      file: 'clusters/prod/backend/Deployment.backend.yaml',
      line: 2,
      resource: 'Deployment/ecolaura/backend',
      environment: 'prod',
      message: 'Deployment/ecolaura/backend lacks label gdpr.ecolaura.io/personal-data | add it',
      source: null,
      occurrences: [
        {
          file: 'clusters/prod/backend/Deployment.backend.yaml',
          line: 2,
          resource: 'Deployment/ecolaura/backend',
          environment: 'prod',
          form: null,
          input: 'clusters/prod/backend/Deployment.backend.yaml',
        },
      ],
      waived: false,
    });
  });

  it('names the TypeScript source, the offending attribute and every place one root cause reaches', () => {
    expect(parsed[1]).toMatchObject({
      file: 'terraform/cdktf.out/stacks/prod/cdk.tf.json',
      line: 120,
      path: ['storage_encrypted'],
      source: { file: 'terraform/database/postgres-database.ts', line: 127, construct: 'prod/database/instance' },
      form: 'terraform',
    });
    expect(
      ((parsed[1]?.occurrences ?? []) as { environment: string; form: string }[]).map(
        (o) => `${o.environment} ${o.form}`,
      ),
    ).toEqual(['prod terraform', 'prod terraform-plan', 'dev terraform']);
  });

  it('attaches the exception to the findings it applies to', () => {
    expect(parsed[2]).toMatchObject({
      waived: true,
      exception: { index: 0, owner: 'platform-team', expires: '2027-03-31' },
    });
    expect(parsed[1]).toMatchObject({ waived: false, exception: { index: 1, expired: true } });
  });
});

describe('formatSarif', () => {
  const sarif = JSON.parse(formatSarif(report));
  const run = sarif.runs[0];

  it('is a SARIF 2.1.0 log with one rule per catalog policy, carrying title, help and severity', () => {
    expect(sarif.version).toBe('2.1.0');
    expect(run.tool.driver.name).toBe('ecolaura-policy-gate');
    expect(run.tool.driver.rules.map((rule: { id: string }) => rule.id)).toEqual([
      'ECO-ENC-001',
      'ECO-GDPR-001',
      'ECO-SUS-001',
    ]);
    const rule = run.tool.driver.rules[0];
    expect(rule).toMatchObject({
      name: 'RDS storage encrypted with a customer-managed key',
      shortDescription: { text: 'RDS storage encrypted with a customer-managed key' },
      fullDescription: { text: 'RDS storage encrypted with a customer-managed key, described.' },
      defaultConfiguration: { level: 'error' },
      properties: { severity: 'critical', 'security-severity': '9.5' },
    });
    expect(rule.help.text).toContain('Fix it: rds storage encrypted');
    expect(rule.help.text).toContain('Controls: GDPR Art. 32(1)(a); AWS FSBP RDS.3');
  });

  it('places each result at its file and line with a level from its severity', () => {
    const [first] = run.results;
    expect(first).toMatchObject({
      ruleId: 'ECO-GDPR-001',
      ruleIndex: 1,
      level: 'error',
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: 'clusters/prod/backend/Deployment.backend.yaml' },
            region: { startLine: 2 },
          },
        },
      ],
    });
    expect(run.results[2].level).toBe('note');
  });

  it('places a result at the TypeScript line that created the resource, its generated places related', () => {
    const result = run.results[1];
    expect(result.locations).toMatchObject([
      {
        physicalLocation: {
          artifactLocation: { uri: 'terraform/database/postgres-database.ts' },
          region: { startLine: 127 },
        },
      },
    ]);
    expect(
      result.relatedLocations.map(
        (related: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }) =>
          `${related.physicalLocation.artifactLocation.uri}:${related.physicalLocation.region.startLine}`,
      ),
    ).toEqual([
      'terraform/cdktf.out/stacks/prod/cdk.tf.json:120',
      'terraform/cdktf.out/stacks/prod/cdk.tf.json:120',
      'terraform/cdktf.out/stacks/dev/cdk.tf.json:98',
    ]);
    expect(result.relatedLocations[1].message.text).toBe(
      'prod plan .tfcheck/prod/plan.json → terraform/cdktf.out/stacks/prod/cdk.tf.json:120',
    );
  });

  it('marks waived findings as suppressed with the justification', () => {
    expect(run.results[2].suppressions).toEqual([
      expect.objectContaining({
        kind: 'external',
        status: 'accepted',
        justification: expect.stringContaining('x86-only build agent'),
      }),
    ]);
    expect(run.results[0].suppressions).toBeUndefined();
  });
});

describe('formatJunit', () => {
  const xml = formatJunit(report);

  it('has one test suite per policy and a failing case per unwaived violation', () => {
    expect(xml.match(/<testsuite /g)).toHaveLength(3);
    expect(xml).toContain(
      '<testsuite name="ECO-ENC-001 RDS storage encrypted with a customer-managed key" tests="1" failures="1"',
    );
    expect(xml).toContain(
      'name="aws_db_instance.database (terraform/database/postgres-database.ts:127 (terraform/cdktf.out/stacks/prod/cdk.tf.json:120))"',
    );
    expect(xml).toContain('occurs in 3 places: prod config terraform/cdktf.out/stacks/prod/cdk.tf.json:120;');
    expect(xml).toMatch(
      /<failure message="aws_db_instance.database has storage_encrypted = false[^"]*" type="critical"/,
    );
  });

  it('skips waived violations instead of failing them', () => {
    expect(xml).toMatch(
      /<testsuite name="ECO-SUS-001 Graviton instance families" tests="1" failures="0" errors="0" skipped="1"/,
    );
  });
});

describe('formatMarkdown', () => {
  const markdown = formatMarkdown(report);

  it('opens with the verdict and counts per severity', () => {
    expect(markdown.startsWith('## ❌ Policy gate failed\n')).toBe(true);
    expect(markdown).toContain('| critical | 1 |');
    expect(markdown).toContain('| waived | 1 |');
  });

  it('tabulates violations with escaped cells, then waived and stale exceptions', () => {
    expect(markdown).toContain('lacks label gdpr.ecolaura.io/personal-data \\| add it');
    expect(markdown).toContain('### Waived');
    expect(markdown).toContain('### Stale exceptions');
    expect(markdown).toContain(
      '`terraform/database/postgres-database.ts:127 (terraform/cdktf.out/stacks/prod/cdk.tf.json:120)`',
    );
    expect(markdown).toContain('<br>occurs in 3 places: prod config');
    expect(formatMarkdown(passing).startsWith('## ✅ Policy gate passed')).toBe(true);
  });

  it('makes every value taken from input inert: HTML, links, emphasis, mentions, pipes and newlines', () => {
    const [first, ...rest] = report.findings;
    if (!first) throw new Error('the sample report has findings');
    const hostile = {
      ...first,
      waived: false,
      resource: 'Ingress/x|`y`\n',
      message: '<img src=x onerror=alert(1)> [click](javascript:alert(1)) **bold** @org/team | cell\nrow',
    };
    const page = formatMarkdown({ ...report, findings: [hostile, ...rest] });
    const row = page.split('\n').find((line) => line.includes('onerror'));
    // Before: `<img …>` and `[click](…)` reached the page raw and the pipe split the cell.
    expect(row).toContain(
      '&lt;img src=x onerror=alert(1)&gt; \\[click\\](javascript:alert(1)) \\*\\*bold\\*\\* \\@org/team \\| cell row',
    );
    expect(row).toContain("`Ingress/x\\|'y' `");
    expect(row).not.toContain('<img');
  });
});

describe('formatHtml', () => {
  const html = formatHtml(report);

  it('is a self-contained page: inline style, no scripts, no external assets', () => {
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain('<style>');
    expect(html).not.toMatch(/<script|<link|src=|https?:\/\//);
  });

  it('names the TypeScript line and every place a grouped finding occurs', () => {
    expect(html).toContain(
      '<code>terraform/database/postgres-database.ts:127 (terraform/cdktf.out/stacks/prod/cdk.tf.json:120)</code>',
    );
    expect(html).toContain(
      '<br>occurs in 3 places: prod config terraform/cdktf.out/stacks/prod/cdk.tf.json:120; prod plan .tfcheck/prod/plan.json → ',
    );
  });

  it('escapes text from the findings and exceptions', () => {
    expect(html).toContain('the &lt;vendor&gt; ships');
    expect(html).not.toContain('<vendor>');
  });

  it('escapes every value taken from input: resource, file, message', () => {
    const [first, ...rest] = report.findings;
    if (!first) throw new Error('the sample report has findings');
    const hostile = {
      ...first,
      waived: false,
      resource: 'Ingress/"><script>alert(1)</script>',
      file: "clusters/dev/x'onmouseover='alert(1).yaml",
      message: '<img src=x onerror=alert(1)>',
    };
    const page = formatHtml({ ...report, findings: [hostile, ...rest] });
    expect(page).not.toMatch(/<script|<img|'onmouseover/);
    expect(page).toContain('Ingress/&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(page).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  it('shows the verdict, the findings and the policy catalog with controls', () => {
    expect(html).toContain('class="verdict failed"');
    expect(html).toContain('<code>aws_db_instance.database</code>');
    expect(html).toContain('GDPR Art. 32(1)(a); AWS FSBP RDS.3');
  });
});
