import { ENVIRONMENT_ROWS, find } from '../lib/test-helpers';

describe.each(ENVIRONMENT_ROWS)('the frontend chart of %s', (_name, env) => {
  const deployment = find(env, 'Deployment', 'frontend');
  const container = deployment.spec.template.spec.containers[0];

  it('runs the model pinned image with the model replicas', () => {
    expect(container.image).toBe(`${env.frontend.image}:${env.frontend.tag}`);
    expect(deployment.spec.replicas).toBe(env.frontend.replicas);
  });

  it('asks for the model resources', () => {
    expect(container.resources.requests.cpu).toBe(env.frontend.resources.cpuRequest);
    expect(container.resources.limits.cpu).toBe(env.frontend.resources.cpuLimit);
  });

  it('serves the model host on the internet-facing ALB, whose certificate ACM finds by that host', () => {
    const ingress = find(env, 'Ingress', 'frontend');
    expect(ingress.spec.ingressClassName).toBe('alb');
    expect(ingress.spec.rules.map((rule: { host: string }) => rule.host)).toEqual([env.domains.frontend]);
    expect(ingress.metadata.annotations['alb.ingress.kubernetes.io/scheme']).toBe('internet-facing');
    // The old shape: a cert-manager secret under spec.tls, issued through the retired nginx class.
    expect(ingress.spec.tls).toBeUndefined();
    expect(ingress.metadata.annotations['cert-manager.io/cluster-issuer']).toBeUndefined();
  });

  it('compresses text responses with gzip from a ConfigMap mounted into nginx conf.d', () => {
    const config = find(env, 'ConfigMap', 'frontend-nginx-compression').data['compression.conf'];
    expect(config).toContain('gzip on;');
    expect(config).toMatch(/gzip_types [^;]*application\/javascript[^;]*text\/css/);
    expect(container.volumeMounts).toEqual(
      expect.arrayContaining([
        {
          name: 'nginx-compression',
          mountPath: '/etc/nginx/conf.d/compression.conf',
          subPath: 'compression.conf',
          readOnly: true,
        },
      ]),
    );
  });

  it('keeps at most one pod away during voluntary disruptions', () => {
    const pdb = find(env, 'PodDisruptionBudget', 'frontend');
    expect(pdb.spec).toEqual({
      maxUnavailable: 1,
      selector: { matchLabels: { 'app.kubernetes.io/name': 'frontend' } },
    });
  });

  it('gives the pods no Kubernetes API token', () => {
    expect(deployment.spec.template.spec.automountServiceAccountToken).toBe(false);
    expect(find(env, 'ServiceAccount', 'frontend').automountServiceAccountToken).toBe(false);
  });
});
