import { App, Chart } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { type RestrictedContainerProps, restrictedContainer } from './restricted-container';
import type { Found } from './test-helpers';

const props: RestrictedContainerProps = {
  name: 'api',
  image: 'ghcr.io/ecolaura/backend',
  tag: '2.7.0',
  port: 8000,
  resources: { cpuRequest: '100m', cpuLimit: '500m', memoryRequest: '256Mi', memoryLimit: '512Mi' },
  resourcesField: 'dev.backend.resources',
  healthPath: '/healthz',
};

function renderedContainer(containerProps: kplus.ContainerProps): Found {
  const chart = new Chart(new App(), 'test', { disableResourceNameHashes: true });
  new kplus.Deployment(chart, 'deployment', { metadata: { name: 'api' }, containers: [containerProps] });
  return chart.toJson()[0].spec.template.spec.containers[0];
}

describe('a restricted container', () => {
  const container = renderedContainer(restrictedContainer(props));

  it('runs the pinned image as non-root on a read-only root with every capability dropped', () => {
    expect(container.image).toBe('ghcr.io/ecolaura/backend:2.7.0');
    expect(container.securityContext).toEqual({
      allowPrivilegeEscalation: false,
      capabilities: { drop: ['ALL'] },
      privileged: false,
      readOnlyRootFilesystem: true,
      runAsNonRoot: true,
      seccompProfile: { type: 'RuntimeDefault' },
    });
  });

  it('has the model requests and limits and probes its health path', () => {
    expect(container.resources).toEqual({
      requests: { cpu: '100m', memory: '256Mi' },
      limits: { cpu: '500m', memory: '512Mi' },
    });
    expect(container.readinessProbe.httpGet).toEqual({ path: '/healthz', port: 8000, scheme: 'HTTP' });
    expect(container.livenessProbe.httpGet).toEqual({ path: '/healthz', port: 8000, scheme: 'HTTP' });
  });

  it.each(['latest', ''])('refuses the unpinned tag "%s", naming the container', (tag) => {
    expect(() => restrictedContainer({ ...props, tag })).toThrow(`container api: image tag "${tag}" is not pinned`);
  });
});
