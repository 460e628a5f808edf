import { ApiObject, type ApiObjectMetadata } from 'cdk8s';
import type { Construct } from 'constructs';
import { markConstructFactory } from '../../scripts/source-map/construct-sites';

/** The envelope every Kubernetes object shares; CR interfaces of `@kubernetes-models/*` fit it. */
export interface Manifest {
  readonly apiVersion: string;
  readonly kind: string;
  readonly metadata?: { readonly name?: string; readonly namespace?: string };
}

/**
 * Adds a custom resource as a plain `ApiObject`. Callers type `manifest` with the CRD's interface
 * from `@kubernetes-models/*` (or a local interface where no package exists), so fields are
 * checked at compile time without `cdk8s import`, which needs the network.
 */
export function customResource<T extends Manifest>(scope: Construct, manifest: T): ApiObject {
  const name = manifest.metadata?.name;
  if (!name) throw new Error(`${manifest.kind}: metadata.name is required; every object carries a stable human name`);
  const { apiVersion, kind, metadata, ...rest } = manifest;
  return new ApiObject(scope, `${kind}-${name}`, {
    apiVersion,
    kind,
    metadata: metadata as ApiObjectMetadata,
    ...rest,
  });
}

// Findings on a custom resource name the line that wrote it, not this wrapper.
markConstructFactory(customResource);
