import { ENVIRONMENT_ROWS, type Found, find, objectsOf } from '../lib/test-helpers';
import { APPLICATION_HEALTH_KEY } from './argocd-config';

describe.each(ENVIRONMENT_ROWS)('the argocd-cm keys owned by %s', (_name, env) => {
  const config = () => find(env, 'ConfigMap', 'argocd-cm');

  it('are a manifest of the argocd folder, which the root Application syncs', () => {
    expect(config().folder).toBe('argocd');
    expect(config().metadata.namespace).toBe('argocd');
    expect(find(env, 'Application', 'root').spec.source.path).toBe(`clusters/${env.name}/argocd`);
  });

  it('hold only the Application health check, reporting each child as healthy as it says it is', () => {
    expect(Object.keys(config().data)).toEqual([APPLICATION_HEALTH_KEY]);
    const lua = config().data[APPLICATION_HEALTH_KEY] as string;
    expect(lua).toContain('hs.status = "Progressing"');
    expect(lua).toContain('hs.status = obj.status.health.status');
    expect(lua.trim().endsWith('return hs')).toBe(true);
  });

  it('are applied server-side, never pruned or deleted, and found by Argo CD through its part-of label', () => {
    expect(config().metadata.labels['app.kubernetes.io/part-of']).toBe('argocd');
    const annotations = config().metadata.annotations;
    expect(annotations['argocd.argoproj.io/sync-options'].split(',').sort()).toEqual([
      'Delete=false',
      'Prune=false',
      'ServerSideApply=true',
    ]);
    expect(annotations['argocd.argoproj.io/compare-options']).toBe('ServerSideDiff=true');
  });

  it('are synced before every child Application whose health the waves wait on', () => {
    const waveOf = (o: Found) => Number(o.metadata.annotations?.['argocd.argoproj.io/sync-wave'] ?? 0);
    const children = objectsOf(env).filter((o) => o.kind === 'Application' && o.metadata.name !== 'root') as Found[];
    expect(waveOf(config())).toBeLessThan(Math.min(...children.map(waveOf)));
  });
});
