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

/** A reference to another ECK resource in the same namespace. */
export interface EckRef {
  readonly name: string;
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

export interface LogstashManifest {
  readonly apiVersion: 'logstash.k8s.elastic.co/v1alpha1';
  readonly kind: 'Logstash';
  readonly metadata: IObjectMeta;
  readonly spec: {
    readonly version: string;
    readonly count: number;
    readonly elasticsearchRefs: readonly (EckRef & { readonly clusterName: string })[];
    readonly pipelines: readonly Readonly<Record<string, string>>[];
    readonly services: readonly { readonly name: string; readonly service: { readonly spec: object } }[];
    readonly podTemplate: IPodTemplateSpec;
    readonly volumeClaimTemplates: readonly VolumeClaimTemplate[];
  };
}

export interface BeatManifest {
  readonly apiVersion: 'beat.k8s.elastic.co/v1beta1';
  readonly kind: 'Beat';
  readonly metadata: IObjectMeta;
  readonly spec: {
    readonly type: 'filebeat';
    readonly version: string;
    readonly config: Readonly<Record<string, unknown>>;
    readonly daemonSet: { readonly podTemplate: IPodTemplateSpec };
  };
}
