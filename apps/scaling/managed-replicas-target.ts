import type * as kplus from 'cdk8s-plus-28';

/**
 * Lets a HorizontalPodAutoscaler of the scaling chart target a Deployment of another chart
 * while that Deployment keeps the model's `replicas` as its size at creation. cdk8s-plus
 * refuses an HPA whose target declares replicas, because both would fight over the field; here
 * they do not: after the first sync Argo CD ignores `/spec/replicas` of these Deployments
 * (`ignoreDifferences` with `RespectIgnoreDifferences=true`, apps/argocd), so the HPA alone owns it.
 */
export class ManagedReplicasTarget implements kplus.IScalable {
  hasAutoscaler = false;

  constructor(private readonly deployment: kplus.Deployment) {}

  markHasAutoscaler(): void {
    this.hasAutoscaler = true;
  }

  toScalingTarget(): kplus.ScalingTarget {
    const { replicas: _ownedByTheAutoscaler, ...target } = this.deployment.toScalingTarget();
    return target;
  }
}
