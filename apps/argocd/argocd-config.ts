import { KubeConfigMap } from 'cdk8s-plus-28/lib/imports/k8s';
import { Construct } from 'constructs';
import { NAMESPACES } from '../lib/cluster';
import { SYNC_WAVES } from './sync-waves';

/** Argo CD's main settings ConfigMap, created by the Argo CD install. */
export const ARGOCD_CM = 'argocd-cm';

/** The argocd-cm key of the health check for `argoproj.io/Application` resources. */
export const APPLICATION_HEALTH_KEY = 'resource.customizations.health.argoproj.io_Application';

/**
 * Lua health check for child Applications: an Application is as healthy as it reports itself,
 * and Progressing until it reports anything. Argo CD stopped assessing Applications' health in
 * 1.8, so without it an app of apps treats every child as healthy at once and sync waves between
 * child Applications order nothing.
 * https://argo-cd.readthedocs.io/en/stable/operator-manual/upgrading/1.7-1.8/#health-assessment-of-argoprojioapplication-crd-has-been-removed
 */
export const APPLICATION_HEALTH_LUA = `hs = {}
hs.status = "Progressing"
hs.message = ""
if obj.status ~= nil and obj.status.health ~= nil then
  hs.status = obj.status.health.status
  if obj.status.health.message ~= nil then
    hs.message = obj.status.health.message
  end
end
return hs
`;

/**
 * The argocd-cm keys this repository owns — only the Application health check — as an object
 * the root Application syncs. argocd-cm itself belongs to the Argo CD install, so this manifest
 * names nothing else: with server-side apply (the root Application's `ServerSideApply=true`)
 * Argo CD's field manager owns exactly this key, the install keeps its own keys, and a later
 * `kubectl apply` or `helm upgrade` of Argo CD leaves this key alone because it never applied it.
 * Server-side diff compares only the owned fields, so the install's keys are no drift.
 * `Prune=false` and `Delete=false`: removing this file or the root Application must never delete
 * Argo CD's own settings. The `app.kubernetes.io/part-of: argocd` label is how Argo CD finds
 * its ConfigMaps (its settings informer selects on it).
 * https://argo-cd.readthedocs.io/en/stable/user-guide/sync-options/#server-side-apply
 */
export class ArgoCdConfig extends Construct {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    new KubeConfigMap(this, 'Resource', {
      metadata: {
        name: ARGOCD_CM,
        namespace: NAMESPACES.argocd,
        labels: { 'app.kubernetes.io/name': ARGOCD_CM, 'app.kubernetes.io/part-of': 'argocd' },
        annotations: {
          'argocd.argoproj.io/sync-wave': String(SYNC_WAVES.gitops),
          'argocd.argoproj.io/sync-options': 'Delete=false,Prune=false,ServerSideApply=true',
          'argocd.argoproj.io/compare-options': 'ServerSideDiff=true',
        },
      },
      data: { [APPLICATION_HEALTH_KEY]: APPLICATION_HEALTH_LUA },
    });
  }
}
