import { contains, parseCidr } from '../../environments/cidr';
import { ENVIRONMENT_ROWS, type Found, objectsOf } from '../lib/test-helpers';
import { registeredApps } from '../registry';
import { namespaceSpecs } from './namespaces';
import { flowsOf, namespaceFlows } from './network-flows';

const DNS = [
  {
    to: [
      {
        namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } },
        podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } },
      },
    ],
    ports: [
      { port: 53, protocol: 'UDP' },
      { port: 53, protocol: 'TCP' },
    ],
  },
];

const tcp = (...ports: number[]) => ports.map((port) => ({ port, protocol: 'TCP' }));

describe.each(ENVIRONMENT_ROWS)('the network policies of %s', (_name, env) => {
  const policies = () => objectsOf(env).filter((o) => o.kind === 'NetworkPolicy') as Found[];
  const policy = (namespace: string, name: string): Found => {
    const found = policies().filter((p) => p.metadata.namespace === namespace && p.metadata.name === name);
    if (found.length !== 1) throw new Error(`expected one NetworkPolicy ${namespace}/${name}, found ${found.length}`);
    return found[0] as Found;
  };
  const privateCidrs = env.network.privateSubnets.map((s) => ({ ipBlock: { cidr: s.cidr } }));
  const publicCidrs = env.network.publicSubnets.map((s) => ({ ipBlock: { cidr: s.cidr } }));
  const namespaces = namespaceSpecs(env).map((spec) => spec.name);

  it('deny all ingress and all egress in every namespace the platform creates, not only the app namespace', () => {
    expect(namespaces).toEqual(
      expect.arrayContaining(['cert-manager', 'ecolaura', 'external-secrets', 'logging', 'monitoring']),
    );
    for (const namespace of namespaces) {
      const deny = policy(namespace, 'default-deny');
      expect({ namespace, spec: deny.spec }).toEqual({
        namespace,
        spec: { podSelector: {}, policyTypes: ['Ingress', 'Egress'] },
      });
    }
  });

  it('let every pod of every namespace resolve names through kube-dns on 53 UDP and TCP, and nothing else', () => {
    for (const namespace of namespaces) {
      const dns = policy(namespace, 'allow-dns');
      expect({ namespace, podSelector: dns.spec.podSelector, egress: dns.spec.egress }).toEqual({
        namespace,
        podSelector: {},
        egress: DNS,
      });
    }
  });

  it('let the controllers reach the API server on 443 in the private subnets, where the EKS control plane ENIs are', () => {
    for (const namespace of ['cert-manager', 'elastic-system', 'external-secrets', 'logging', 'monitoring']) {
      expect(policy(namespace, 'allow-api-server').spec.egress).toEqual([{ to: privateCidrs, ports: tcp(443) }]);
    }
    expect(
      policies().filter((p) => p.metadata.namespace === 'ecolaura' && p.metadata.name === 'allow-api-server'),
    ).toEqual([]);
  });

  it('let only the namespaces calling AWS or the alert receiver out to the internet, on the ports they need', () => {
    const out = policies().filter((p) => p.metadata.name === 'allow-internet-egress');
    expect(out.map((p) => p.metadata.namespace).sort()).toEqual([
      'aws-load-balancer-controller',
      'external-secrets',
      'monitoring',
    ]);
    expect(policy('external-secrets', 'allow-internet-egress').spec.egress).toEqual([
      { to: [{ ipBlock: { cidr: '0.0.0.0/0' } }], ports: tcp(443) },
    ]);
  });

  it('let the API server call the admission webhooks from the private subnets', () => {
    expect(policy('cert-manager', 'allow-webhooks').spec.ingress).toEqual([{ from: privateCidrs, ports: tcp(10250) }]);
    expect(policy('elastic-system', 'allow-webhooks').spec.ingress).toEqual([{ from: privateCidrs, ports: tcp(9443) }]);
    expect(policy('external-secrets', 'allow-webhooks').spec.ingress).toEqual([
      { from: privateCidrs, ports: tcp(10250) },
    ]);
    expect(policy('monitoring', 'allow-webhooks').spec.ingress).toEqual([{ from: privateCidrs, ports: tcp(10250) }]);
  });

  it('let the internet-facing ALB reach the frontend on 8080 and the backend on 8000 from the public subnets', () => {
    expect(policy('ecolaura', 'allow-public-load-balancer').spec.ingress).toEqual([
      { from: publicCidrs, ports: tcp(8000, 8080) },
    ]);
  });

  it('let the internal ALB reach Grafana on 3000 and Kibana on 5601 from the private subnets only', () => {
    expect(policy('monitoring', 'allow-internal-load-balancer').spec.ingress).toEqual([
      { from: privateCidrs, ports: tcp(3000) },
    ]);
    expect(policy('logging', 'allow-internal-load-balancer').spec.ingress).toEqual([
      { from: privateCidrs, ports: tcp(5601) },
    ]);
  });

  it('let Prometheus scrape every namespace on its metrics ports, CoreDNS and the nodes, and let those namespaces in', () => {
    const scrapes = policy('monitoring', 'prometheus-scrapes');
    expect(scrapes.spec.podSelector).toEqual({ matchLabels: { 'app.kubernetes.io/name': 'prometheus' } });
    const byNamespace = Object.fromEntries(
      (scrapes.spec.egress as Found[]).flatMap((rule) =>
        rule.to[0].namespaceSelector
          ? [[rule.to[0].namespaceSelector.matchLabels['kubernetes.io/metadata.name'], rule.ports]]
          : [],
      ),
    );
    expect(byNamespace).toMatchObject({
      ecolaura: tcp(8000),
      'cert-manager': tcp(9402),
      'external-secrets': tcp(8080),
      'kube-system': tcp(9153),
    });
    expect(scrapes.spec.egress).toContainEqual({ to: privateCidrs, ports: tcp(9100, 10250, 443) });
    const prometheus = {
      namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'monitoring' } },
      podSelector: { matchLabels: { 'app.kubernetes.io/name': 'prometheus' } },
    };
    expect(policy('ecolaura', 'allow-prometheus').spec.ingress).toEqual([{ from: [prometheus], ports: tcp(8000) }]);
    expect(policy('cert-manager', 'allow-prometheus').spec.ingress).toEqual([{ from: [prometheus], ports: tcp(9402) }]);
  });

  it('keep the log pipeline inside the logging namespace and let only the ECK operator in on 9200', () => {
    expect(policy('logging', 'allow-same-namespace').spec).toEqual({
      podSelector: {},
      policyTypes: ['Ingress', 'Egress'],
      ingress: [{ from: [{ podSelector: {} }] }],
      egress: [{ to: [{ podSelector: {} }] }],
    });
    const eckNamespace = { namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'elastic-system' } } };
    expect(policy('logging', 'elasticsearch-from-eck-operator').spec.ingress).toEqual([
      { from: [eckNamespace], ports: tcp(9200) },
    ]);
    expect(policy('elastic-system', 'eck-operator-to-elasticsearch').spec.egress).toEqual([
      {
        to: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'logging' } } }],
        ports: tcp(9200),
      },
    ]);
  });

  it('let no pod but the backend reach PostgreSQL: no other egress rule admits 5432 towards the private subnets', () => {
    const subnets = env.network.privateSubnets.map((s) => parseCidr(s.cidr));
    const reachesDatabase = (peer: Found) => {
      if (!peer.ipBlock) return false;
      const block = parseCidr(peer.ipBlock.cidr);
      return typeof block !== 'string' && subnets.some((s) => typeof s !== 'string' && contains(block, s));
    };
    const admits5432 = (rule: Found) =>
      !rule.ports ||
      rule.ports.some((p: Found) => p.port === 5432 || (p.endPort && p.port <= 5432 && p.endPort >= 5432));
    const openers = policies().filter((p) =>
      (p.spec.egress ?? []).some(
        (rule: Found) => admits5432(rule) && (!rule.to || rule.to.length === 0 || rule.to.some(reachesDatabase)),
      ),
    );
    // The backend, and the Sync-hook Job that creates the backend's database role.
    expect(openers.map((p) => `${p.metadata.namespace}/${p.metadata.name}`)).toEqual([
      'ecolaura/backend',
      'ecolaura/database-roles',
    ]);
    expect(openers.map((p) => p.spec.podSelector)).toEqual([
      { matchLabels: { 'app.kubernetes.io/name': 'backend' } },
      { matchLabels: { 'app.kubernetes.io/name': 'database-roles' } },
    ]);
  });

  it('lets the backend reach PostgreSQL on 5432 in the private subnets and STS on 443, nothing else', () => {
    const egress = policy('ecolaura', 'backend').spec.egress as {
      to: { ipBlock: { cidr: string } }[];
      ports: unknown[];
    }[];
    const database = egress.filter(
      (rule) => JSON.stringify(rule.ports) === JSON.stringify([{ port: 5432, protocol: 'TCP' }]),
    );
    expect(database.flatMap((rule) => rule.to.map((peer) => peer.ipBlock.cidr))).toEqual(
      env.network.privateSubnets.map((subnet) => subnet.cidr),
    );
    const rest = egress.filter((rule) => !database.includes(rule));
    expect(rest).toEqual([{ to: [{ ipBlock: { cidr: '0.0.0.0/0' } }], ports: [{ port: 443, protocol: 'TCP' }] }]);
  });

  it('declares flows for every namespace it creates and refuses a namespace without them', () => {
    expect(Object.keys(namespaceFlows(registeredApps(), env)).sort()).toEqual([...namespaces].sort());
  });
});

describe('a namespace without declared flows', () => {
  it('is refused, naming the namespace and where to declare them', () => {
    const [, env] = ENVIRONMENT_ROWS[0] ?? [];
    if (!env) throw new Error('no environment in the model');
    const { logging: _dropped, ...withoutLogging } = namespaceFlows(registeredApps(), env);
    expect(() => flowsOf(withoutLogging, 'logging')).toThrow(
      /namespace logging: no network flows are declared.*declare them in `network` of the app.ts/,
    );
  });
});
