import type { IObjectMeta } from '@kubernetes-models/apimachinery/apis/meta/v1/ObjectMeta';
import type { IPersistentVolumeClaim } from 'kubernetes-models/v1/PersistentVolumeClaim';
import type { IPodTemplateSpec } from 'kubernetes-models/v1/PodTemplateSpec';

/**
 * The fields of the ECK custom resources this platform sets. The one models package for ECK's
 * CRDs (`@kubernetes-models/elastic-cloud` 2.x) needs Node 22 and kubernetes-models 5, beyond
 * this toolchain, so these interfaces follow ECK's API reference and are the compile-time check.
 * https://www.elastic.co/guide/en/cloud-on-k8s/current/k8s-api-reference.html
 */

/** A PersistentVolumeClaim as ECK's templates take it: without apiVersion and kind. */
export type VolumeClaimTemplate = Omit<IPersistentVolumeClaim, 'apiVersion' | 'kind'>;

/** A reference to another ECK resource, in the same namespace unless `namespace` says otherwise. */
export interface EckRef {
  readonly name: string;
  readonly namespace?: string;
}

export interface ElasticsearchNodeSet {
  readonly name: string;
  readonly count: number;
  readonly config: Readonly<Record<string, unknown>>;
  readonly podTemplate: IPodTemplateSpec;
  readonly volumeClaimTemplates: readonly VolumeClaimTemplate[];
}

export interface ElasticsearchManifest {
  readonly apiVersion: 'elasticsearch.k8s.elastic.co/v1';
  readonly kind: 'Elasticsearch';
  readonly metadata: IObjectMeta;
  readonly spec: {
    readonly version: string;
    readonly nodeSets: readonly ElasticsearchNodeSet[];
    /**
     * ECK's default PodDisruptionBudget; `{}` turns it off (ECK documents the empty object as
     * the way to disable it). https://www.elastic.co/docs/deploy-manage/deploy/cloud-on-k8s/pod-disruption-budget
     */
    readonly podDisruptionBudget?: Readonly<Record<string, never>>;
    /** Extra users: file-realm Secrets ECK merges into every node. */
    readonly auth?: { readonly fileRealm: readonly { readonly secretName: string }[] };
  };
}

export interface KibanaManifest {
  readonly apiVersion: 'kibana.k8s.elastic.co/v1';
  readonly kind: 'Kibana';
  readonly metadata: IObjectMeta;
  readonly spec: {
    readonly version: string;
    readonly count: number;
    readonly elasticsearchRef: EckRef;
    readonly podTemplate: IPodTemplateSpec;
  };
}

export interface BeatManifest {
  readonly apiVersion: 'beat.k8s.elastic.co/v1beta1';
  readonly kind: 'Beat';
  readonly metadata: IObjectMeta;
  readonly spec: {
    readonly type: 'filebeat';
    readonly version: string;
    /** The Elasticsearch ECK connects the Beat to: output hosts, a user of its own and the CA. */
    readonly elasticsearchRef?: EckRef;
    readonly config: Readonly<Record<string, unknown>>;
    readonly daemonSet: { readonly podTemplate: IPodTemplateSpec };
  };
}
