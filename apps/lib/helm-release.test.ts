import { eckOperatorRelease } from '../logging/eck-operator';
import { helmReleases } from '../registry';
import { ENVIRONMENT_ROWS, find } from './test-helpers';

/** The value at a dotted path of a release's values (`grafana.sidecar.securityContext`). */
function at(values: object, path: string): unknown {
  return path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], values);
}

/** Namespaces the platform labels; kube-system is unlabelled on EKS, so it admits anything. */
function enforcedLevel(env: Parameters<typeof helmReleases>[0], namespace: string): string {
  if (namespace === 'kube-system') return 'privileged';
  return find(env, 'Namespace', namespace).metadata.labels['pod-security.kubernetes.io/enforce'];
}

describe.each(ENVIRONMENT_ROWS)('the Helm releases of %s', (_name, env) => {
  const releases = helmReleases(env);

  it('review every workload against the level its namespace really enforces', () => {
    for (const release of releases) {
      expect({ release: release.name, reviews: release.podSecurity.length > 0 }).toEqual({
        release: release.name,
        reviews: true,
      });
      for (const review of release.podSecurity) {
        const where = `${release.name}/${review.component}`;
        expect({ where, level: enforcedLevel(env, review.namespace) }).toEqual({ where, level: review.level });
        expect([release.namespace, ...(release.additionalNamespaces ?? [])]).toContain(review.namespace);
        expect(review.why).toMatch(/\w+ \w+/);
      }
    }
  });

  it('set a restricted pod context at every path a restricted review names', () => {
    for (const release of releases) {
      for (const review of release.podSecurity.filter((r) => r.level === 'restricted')) {
        expect({ where: `${release.name}/${review.component}`, paths: review.podSecurityContexts.length > 0 }).toEqual({
          where: `${release.name}/${review.component}`,
          paths: true,
        });
      }
      for (const review of release.podSecurity) {
        for (const path of review.podSecurityContexts) {
          expect({ where: `${release.name}:${path}`, context: at(release.values, path) }).toEqual({
            where: `${release.name}:${path}`,
            context: expect.objectContaining({ runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } }),
          });
        }
      }
    }
  });

  it('set a restricted container context at every container path a review names', () => {
    for (const release of releases) {
      for (const review of release.podSecurity) {
        for (const path of review.containerSecurityContexts) {
          expect({ where: `${release.name}:${path}`, context: at(release.values, path) }).toEqual({
            where: `${release.name}:${path}`,
            context: expect.objectContaining({
              allowPrivilegeEscalation: false,
              capabilities: { drop: ['ALL'] },
              runAsNonRoot: true,
              seccompProfile: { type: 'RuntimeDefault' },
            }),
          });
        }
      }
    }
  });

  it('write those values into the Applications Argo CD syncs', () => {
    for (const release of releases) {
      const application = find(env, 'Application', release.name);
      for (const review of release.podSecurity) {
        for (const path of [...review.podSecurityContexts, ...review.containerSecurityContexts]) {
          expect(at(application.spec.source.helm.valuesObject, path)).toEqual(at(release.values, path));
        }
      }
    }
  });

  it('let Argo CD write into every namespace a release uses', () => {
    const project = find(env, 'AppProject', 'ecolaura-addons');
    const destinations = project.spec.destinations.map((d: { namespace: string }) => d.namespace);
    expect(destinations).toEqual(expect.arrayContaining(['monitoring', 'node-exporter']));
  });
});

describe('the eck-operator release', () => {
  it('adds the seccomp profile the chart default lacks, so restricted admits the operator', () => {
    const { values } = eckOperatorRelease();
    // The chart's default pod context is `{ runAsNonRoot: true }` alone, which restricted refuses.
    expect(values.podSecurityContext).not.toEqual({ runAsNonRoot: true });
    expect(values.podSecurityContext).toEqual({ runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } });
    expect(values.securityContext).toMatchObject({ allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } });
  });
});
