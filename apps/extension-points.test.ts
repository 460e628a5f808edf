/**
 * Adding an environment touches one model file, adding an app adds one folder: proved on a
 * temporary copy of the repository, where a fourth environment is declared in
 * environments/declared.ts alone and an app folder is dropped into apps/, then the real synth
 * and the real gate run there.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

const REPO = resolve(__dirname, '..');

/** A copy of the working tree (tracked and new files, nothing ignored) sharing node_modules. */
function copyOfRepository(): string {
  const copy = mkdtempSync(join(tmpdir(), 'ecolaura-extension-'));
  const files = execFileSync('git', ['ls-files', '-co', '--exclude-standard', '-z'], { cwd: REPO, encoding: 'utf8' })
    .split('\0')
    .filter((file) => file !== '' && existsSync(join(REPO, file)));
  for (const file of files) {
    mkdirSync(dirname(join(copy, file)), { recursive: true });
    cpSync(join(REPO, file), join(copy, file));
  }
  symlinkSync(join(REPO, 'node_modules'), join(copy, 'node_modules'), 'dir');
  return copy;
}

/** Runs one command of the tools' program in the copy, as its npm script would. */
function run(copy: string, command: string, ...args: string[]) {
  return spawnSync(process.execPath, [join(copy, 'scripts', 'run-tools.js'), command, ...args], {
    cwd: copy,
    encoding: 'utf8',
    timeout: 600_000,
  });
}

/** Declares `qa` next to the others: staging's shape in its own account, network and zone. */
const QA = `qa: {
    ...staging,
    accountId: '210000000004',
    network: {
      vpcCidr: '10.30.0.0/16',
      publicSubnets: [
        { cidr: '10.30.1.0/24', availabilityZone: 'eu-west-1a' },
        { cidr: '10.30.2.0/24', availabilityZone: 'eu-west-1b' },
      ],
      privateSubnets: [
        { cidr: '10.30.3.0/24', availabilityZone: 'eu-west-1a' },
        { cidr: '10.30.4.0/24', availabilityZone: 'eu-west-1b' },
      ],
    },
    eks: {
      ...staging.eks,
      access: {
        adminRoleArn: 'arn:aws:iam::210000000004:role/ecolaura-platform-admin',
        breakGlassRoleArn: 'arn:aws:iam::210000000004:role/ecolaura-break-glass',
      },
    },
    domains: {
      publicZone: { name: 'qa.ecolaura.eu', id: 'Z04QA0ECOLAURA0EU000001' },
      frontend: 'qa.ecolaura.eu',
      api: 'api.qa.ecolaura.eu',
      grafana: 'grafana.qa.ecolaura.eu',
      kibana: 'kibana.qa.ecolaura.eu',
    },
  },`;

/** A guestbook app: a web service in the shop's namespace, sized by an HPA, reached by the public ALB. */
const GUESTBOOK_APP = `import { Chart } from 'cdk8s';
import { DATA_PROFILES } from '../../environments';
import { SYNC_WAVES } from '../argocd/sync-waves';
import type { AppDescriptor } from '../lib/app-descriptor';
import { NAMESPACES } from '../lib/cluster';
import { WebService } from '../lib/web-service';
import { tcp } from '../platform/network-flows';

export const app: AppDescriptor = {
  folder: 'guestbook',
  manifests: {
    syncWave: SYNC_WAVES.applications,
    description: 'the guestbook web service',
    chart: (scope, id, { env }) => {
      const chart = new Chart(scope, id, { disableResourceNameHashes: true });
      new WebService(chart, 'guestbook', {
        name: 'guestbook',
        spec: { ...env.frontend, image: 'ghcr.io/ecolaura/guestbook' },
        specField: env.name + '.frontend',
        profile: DATA_PROFILES.publicContent,
        port: 9090,
        healthPath: '/',
        env: env.name,
        host: 'guestbook.' + env.domains.publicZone.name,
        runAsUser: 101,
      });
      return chart;
    },
  },
  hpaTargets: (env) => [{ deployment: 'guestbook', spec: env.frontend }],
  network: () => ({ [NAMESPACES.app]: { publicLoadBalancerPorts: tcp(9090), reason: 'the guestbook: the ALB reaches it' } }),
};
`;

/** A Deployment no HPA sizes (and little else right): the gate must name qa on every finding. */
const UNSCALED = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: unscaled
  namespace: ecolaura
spec:
  selector:
    matchLabels:
      app: unscaled
  template:
    metadata:
      labels:
        app: unscaled
    spec:
      containers:
        - name: web
          image: ghcr.io/ecolaura/unscaled:1.0.0
`;

describe('a temporary copy of the repository', () => {
  let copy: string;
  beforeAll(() => {
    copy = copyOfRepository();
  });
  afterAll(() => rmSync(copy, { recursive: true, force: true }));

  it('synthesizes a fourth environment declared in environments/declared.ts alone, and gates it by its name', () => {
    const declared = join(copy, 'environments', 'declared.ts');
    const source = readFileSync(declared, 'utf8');
    expect(source).toContain('{ dev, staging, prod }');
    writeFileSync(declared, source.replace('{ dev, staging, prod }', `{\n  dev,\n  staging,\n  prod,\n  ${QA}\n}`));

    const synth = run(copy, 'synth');
    expect(synth.stderr).toBe('');
    expect(synth.status).toBe(0);
    for (const stack of ['qa', 'bootstrap-qa']) {
      expect(existsSync(join(copy, 'terraform', 'cdktf.out', 'stacks', stack, 'cdk.tf.json'))).toBe(true);
    }
    expect(existsSync(join(copy, 'clusters', 'qa', 'argocd', 'Application.root.yaml'))).toBe(true);
    expect(readFileSync(join(copy, 'clusters', 'README.md'), 'utf8')).toContain('clusters/qa/argocd/');

    const gate = run(copy, 'gate');
    expect(gate.stdout.trimEnd().split('\n').at(-1)).toMatch(/^info: gate passed: 0 violations/);
    expect(gate.status).toBe(0);

    // A Deployment without an HPA, dropped into qa's tree: the finding names qa, not null.
    mkdirSync(join(copy, 'clusters', 'qa', 'extra'));
    writeFileSync(join(copy, 'clusters', 'qa', 'extra', 'Deployment.unscaled.yaml'), UNSCALED);
    const failing = run(copy, 'gate', '--format', 'json');
    expect(failing.status).toBe(1);
    const findings = JSON.parse(failing.stdout) as { policy: string; file: string; environment: unknown }[];
    const hpa = findings.filter((f) => f.policy === 'ECO-GRN-003');
    expect(hpa.map((f) => [f.file, f.environment])).toEqual([['clusters/qa/extra/Deployment.unscaled.yaml', 'qa']]);
    expect(findings.every((f) => f.environment === 'qa')).toBe(true);
    rmSync(join(copy, 'clusters', 'qa', 'extra'), { recursive: true });
  }, 600_000);

  it('puts an app folder dropped into apps/ into Argo CD, scaling, the NetworkPolicies and clusters/README.md', () => {
    mkdirSync(join(copy, 'apps', 'guestbook'));
    writeFileSync(join(copy, 'apps', 'guestbook', 'app.ts'), GUESTBOOK_APP);

    const synth = run(copy, 'synth', '--only', 'kubernetes');
    expect(synth.stderr).toBe('');
    expect(synth.status).toBe(0);
    const manifest = (...path: string[]) => readFileSync(join(copy, 'clusters', 'dev', ...path), 'utf8');

    expect(manifest('guestbook', 'Deployment.guestbook.yaml')).toContain('image: ghcr.io/ecolaura/guestbook:');
    const application = manifest('argocd', 'Application.guestbook.yaml');
    expect(application).toContain('path: clusters/dev/guestbook');
    expect(application).toContain('argocd.argoproj.io/sync-wave: "1"');
    expect(application).toMatch(/ignoreDifferences:[\s\S]*name: guestbook/);
    expect(manifest('scaling', 'HorizontalPodAutoscaler.guestbook.yaml')).toMatch(
      /scaleTargetRef:[\s\S]*name: guestbook/,
    );
    const publicAlb = manifest('platform', 'NetworkPolicy.allow-public-load-balancer.yaml');
    expect(publicAlb).toContain('port: 9090');
    expect(publicAlb).toContain('the guestbook: the ALB reaches it');
    expect(readFileSync(join(copy, 'clusters', 'README.md'), 'utf8')).toContain(
      '| `guestbook/` | the guestbook web service | 1 |',
    );
  }, 600_000);
});
