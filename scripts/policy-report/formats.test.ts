import type { EvidenceReport, PolicyEvidence } from './evidence';
import { REPORT_FORMATTERS } from './formats';

const POLICY: PolicyEvidence = {
  id: 'ECO-TLS-001',
  title: 'Ingress hosts are served over <TLS> | always',
  severity: 'high',
  theme: 'https',
  description: 'Every Ingress host & rule is covered by a tls entry.',
  controls: ['GDPR Art. 32(1)(a)'],
  equivalents: [],
  remediation: 'Add a tls entry.',
  package: 'ecolaura.https.ingress_tls',
  file: 'policies/https/ingress_tls/policy.rego',
  tests: { file: null, names: [] },
  fixtures: { folder: 'policies/https/ingress_tls/fixtures/', allowed: [], disallowed: ['disallowed-plain.yaml'] },
  mutations: [],
  exceptions: [
    {
      index: 0,
      resource: 'Ingress/ecolaura/*',
      environment: 'dev',
      owner: 'web-team',
      justification: 'Certificates are issued after the first sync.',
      expires: '2026-01-31',
      status: 'expired',
      waives: 0,
    },
  ],
  verdict: {
    violations: 1,
    waived: 0,
    failing: [
      {
        resource: 'Ingress/ecolaura/shop',
        location: 'clusters/dev/shop/Ingress.shop.yaml:2',
        message: 'Ingress/ecolaura/shop: host shop.example has no tls entry.',
      },
    ],
  },
};

const REPORT: EvidenceReport = {
  bundle: { sourcesSha256: 'abc', opaVersion: '1.4.2', artifacts: { 'policy.wasm': 'def' } },
  today: '2026-06-01',
  totals: { policies: 1, tests: 0, helperTests: 0, fixtures: 1, mutations: 0, exceptions: 1 },
  gate: { passed: false, violations: 1, waived: 0, staleExceptions: 0, resources: 3, files: 1 },
  reality: {
    podSecurity: [
      {
        environment: 'prod',
        namespace: 'monitoring',
        level: 'restricted',
        version: 'v1.35',
        source: 'namespace-label',
        templates: 0,
        refused: [],
        charts: ['kube-prometheus-stack@91.2.1'],
      },
    ],
    lifecycle: [
      {
        environment: 'prod',
        resource: 'aws_eks_cluster.eks_cluster',
        subject: 'eks',
        version: '1.35',
        end: '2027-03-27',
        daysLeft: 115,
        status: 'supported',
        source: 'https://endoflife.date/amazon-eks',
      },
    ],
  },
  reachability: [],
  gaps: [
    { policy: 'ECO-TLS-001', problem: 'no Rego unit test in tests.wasm' },
    { policy: 'ECO-TLS-001', problem: 'no allowed-* fixture in policies/https/ingress_tls/fixtures/' },
  ],
  controls: [{ control: 'GDPR Art. 32(1)(a)', policies: ['ECO-TLS-001'] }],
  policies: [POLICY],
};

describe('the report formats', () => {
  it('show the Pod Security table, charts marked not evaluated, and the lifecycle table', () => {
    const markdown = REPORT_FORMATTERS.markdown(REPORT);
    expect(markdown).toContain('## Pod Security admission (1 namespaces)');
    expect(markdown).toContain(
      '| prod | monitoring | restricted v1.35 | 0 | 0 | kube-prometheus-stack\\@91.2.1 (not evaluated: chart pod specs are rendered by Argo CD) |',
    );
    expect(markdown).toContain(
      '| prod | aws\\_eks\\_cluster.eks\\_cluster | eks 1.35 | 2027-03-27 | 115 | supported |',
    );
    const html = REPORT_FORMATTERS.html(REPORT);
    expect(html).toContain('<h2>Support lifecycle (1 pinned versions)</h2>');
    expect(html).toContain(
      '<td>kube-prometheus-stack@91.2.1 (not evaluated: chart pod specs are rendered by Argo CD)</td>',
    );
  });

  it('Markdown lists every gap, the failing violation and the expired exception, and escapes table pipes', () => {
    const markdown = REPORT_FORMATTERS.markdown(REPORT);
    expect(markdown).toContain('## Evidence gaps (2)\n\n- `ECO-TLS-001`: no Rego unit test in tests.wasm\n');
    expect(markdown).toContain('Rego unit tests (0) in **no _test.rego**: none');
    expect(markdown).toContain(
      '- `clusters/dev/shop/Ingress.shop.yaml:2` `Ingress/ecolaura/shop`: Ingress/ecolaura/shop',
    );
    expect(markdown).toContain('- #0 expired until 2026-01-31, dev, resources "Ingress/ecolaura/\\*", owner web-team');
    expect(markdown).toContain('Ingress hosts are served over &lt;TLS&gt; \\| always');
    expect(markdown).toContain('| GDPR Art. 32(1)(a) | [ECO-TLS-001](#eco-tls-001) |');
    expect(markdown.trimEnd().split('\n').at(-1)).toMatch(
      /^`error: policy report: 1 policy, 0 Rego unit tests, 1 fixture, 0 mutation rows, 2 evidence gaps; gate failed/,
    );
  });

  it('HTML escapes metadata text and marks the page failed', () => {
    const html = REPORT_FORMATTERS.html(REPORT);
    expect(html).toContain('Ingress hosts are served over &lt;TLS&gt; | always');
    expect(html).toContain('Every Ingress host &amp; rule');
    expect(html).toContain('<p class="verdict failed">error: policy report:');
    expect(html).toContain('<li class="gap"><code>ECO-TLS-001</code>: no Rego unit test in tests.wasm</li>');
    expect(html).not.toContain('<TLS>');
  });

  it('JSON round-trips the evidence under a generated-by key', () => {
    const parsed = JSON.parse(REPORT_FORMATTERS.json(REPORT)) as Record<string, unknown>;
    expect(Object.keys(parsed)[0]).toBe('//');
    const { '//': generatedBy, ...rest } = parsed;
    expect(generatedBy).toMatch(/npm run policy:report/);
    expect(rest).toEqual(REPORT);
  });
});
