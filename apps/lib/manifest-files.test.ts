import { parse } from 'yaml';
import { chartFiles, GENERATED_HEADER, type KubeObject, manifestFileName, renderManifest } from './manifest-files';

const deployment: KubeObject = {
  spec: {
    template: {
      metadata: { labels: { 'cdk8s.io/metadata.addr': 'backend-deployment-c8a1b2c3', zeta: 'z', alpha: 'a' } },
    },
    replicas: 2,
  },
  metadata: { namespace: 'ecolaura', name: 'backend' },
  kind: 'Deployment',
  apiVersion: 'apps/v1',
};

describe('a rendered manifest', () => {
  const text = renderManifest(deployment);

  it('opens with the line saying it is generated and by which command', () => {
    expect(text.split('\n')[0]).toBe(GENERATED_HEADER);
    expect(GENERATED_HEADER).toContain('npm run synth');
  });

  it('puts apiVersion, kind and metadata first and sorts every other key', () => {
    const keys = text
      .split('\n')
      .filter((line) => /^\w/.test(line))
      .map((line) => line.split(':')[0]);
    expect(keys).toEqual(['apiVersion', 'kind', 'metadata', 'spec']);
    expect(text.indexOf('replicas')).toBeLessThan(text.indexOf('template'));
    expect(text.indexOf('alpha')).toBeLessThan(text.indexOf('zeta'));
  });

  it('drops the hash-suffixed cdk8s address label and keeps the object intact otherwise', () => {
    expect(text).not.toContain('cdk8s.io/metadata.addr');
    expect(parse(text).spec.template.metadata.labels).toEqual({ alpha: 'a', zeta: 'z' });
  });

  it('is the same bytes whatever order the object was built in', () => {
    const reordered: KubeObject = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'backend', namespace: 'ecolaura' },
      spec: { replicas: 2, template: { metadata: { labels: { alpha: 'a', zeta: 'z' } } } },
    };
    expect(renderManifest(reordered)).toBe(text);
  });
});

describe('the files of a chart folder', () => {
  it('are named after kind and name, one object each, in sorted order', () => {
    const service: KubeObject = { apiVersion: 'v1', kind: 'Service', metadata: { name: 'backend' } };
    expect(manifestFileName(deployment)).toBe('Deployment.backend.yaml');
    expect([...chartFiles('prod/backend', [service, deployment]).keys()]).toEqual([
      'Deployment.backend.yaml',
      'Service.backend.yaml',
    ]);
  });

  it('carry the namespace in the name of objects whose kind and name recur in other namespaces of the folder', () => {
    const deny = (namespace: string): KubeObject => ({
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: { name: 'default-deny', namespace },
    });
    const frontend: KubeObject = { ...deny('ecolaura'), metadata: { name: 'frontend', namespace: 'ecolaura' } };
    expect([...chartFiles('prod/platform', [deny('logging'), frontend, deny('ecolaura')]).keys()]).toEqual([
      'NetworkPolicy.ecolaura.default-deny.yaml',
      'NetworkPolicy.frontend.yaml',
      'NetworkPolicy.logging.default-deny.yaml',
    ]);
  });

  it('refuse two objects that would share a file, naming the file and the fix', () => {
    expect(() => chartFiles('prod/backend', [deployment, deployment])).toThrow(
      /prod\/backend\/Deployment\.backend\.yaml: two Deployment objects are named "backend".*another metadata\.name/,
    );
  });
});
