import { ENVIRONMENT_ROWS, type Found, objectsOf } from '../lib/test-helpers';
import { retryWindowSeconds, SYNC_RETRY } from './application';

/** What a cold cluster needs: nodes added by the autoscaler, webhooks, certificates, Elasticsearch. */
const COLD_CLUSTER_SECONDS = 30 * 60;

describe('the sync retry policy', () => {
  it('keeps retrying for at least half an hour, where the old one gave up after about five minutes', () => {
    expect(retryWindowSeconds(SYNC_RETRY)).toBe(15 + 30 + 60 + 120 + 240 + 5 * 300);
    expect(retryWindowSeconds(SYNC_RETRY)).toBeGreaterThanOrEqual(COLD_CLUSTER_SECONDS);
    const old = { limit: 5, backoff: { duration: '10s', factor: 2, maxDuration: '5m' } };
    expect(retryWindowSeconds(old)).toBe(310);
    expect(retryWindowSeconds(old)).toBeLessThan(COLD_CLUSTER_SECONDS);
  });

  it('refuses a backoff duration it cannot read, naming it', () => {
    expect(() => retryWindowSeconds({ limit: 1, backoff: { duration: '1.5m', factor: 2, maxDuration: '5m' } })).toThrow(
      /"1.5m" is not a whole number of s, m or h/,
    );
  });
});

describe.each(ENVIRONMENT_ROWS)('the Applications of %s', (_name, env) => {
  const applications = () => objectsOf(env).filter((o) => o.kind === 'Application') as Found[];

  it('retry with the cold-cluster backoff and skip the dry run of resources whose CRD is not there yet', () => {
    for (const app of applications()) {
      expect({ app: app.metadata.name, retry: app.spec.syncPolicy.retry }).toEqual({
        app: app.metadata.name,
        retry: SYNC_RETRY,
      });
      expect(app.spec.syncPolicy.syncOptions).toContain('SkipDryRunOnMissingResource=true');
    }
  });

  it('follow main in dev and staging, and the promotable release/prod branch in prod, never main', () => {
    const revisions = new Set(
      applications().flatMap((app) => (app.spec.source.path ? [app.spec.source.targetRevision] : [])),
    );
    expect([...revisions]).toEqual([env.name === 'prod' ? 'release/prod' : 'main']);
  });

  it('never name the argocd namespace as the destination of a folder other than the argocd folder', () => {
    for (const app of applications().filter((a) => a.spec.source.path && a.metadata.name !== 'root')) {
      expect({ app: app.metadata.name, namespace: app.spec.destination.namespace }).not.toEqual({
        app: app.metadata.name,
        namespace: 'argocd',
      });
    }
  });
});
