/**
 * The normalizer's front door: any gated file's text → policy resources. The file's extension
 * picks the parser; the document's shape picks the normalizer. Anything unrecognised is an
 * error (exit 2), never silently skipped.
 */

import { extname } from 'node:path';
import { GateInputError } from '../core/errors';
import { isRecord } from '../core/is-record';
import { utcToday } from '../core/iso-date';
import { parseJsonSource, parseYamlSources } from '../core/source/source-document';
import { withStackReachabilityFacts } from '../reality/reachability-facts';
import { withRealityFacts } from '../reality/reality-facts';
import { isSourceMap } from '../source-map/source-map-file';
import { withLifecycleFacts } from './lifecycle-facts';
import { isKubernetesObject, normalizeKubernetesDocument } from './normalize-kubernetes';
import { isTerraformConfig, normalizeTerraformConfig } from './normalize-terraform-config';
import { isTerraformPlan, normalizeTerraformPlan } from './normalize-terraform-plan';
import type { PolicyResource } from './types';

export type DocumentKind = 'terraform' | 'terraform-plan' | 'kubernetes' | 'cdktf-manifest' | 'source-map';

export interface NormalizedFile {
  readonly kind: DocumentKind;
  readonly resources: PolicyResource[];
}

/** cdktf's `cdktf.out/manifest.json` lists the synthesized stacks; it describes files, not resources. */
function isCdktfManifest(value: unknown): boolean {
  return isRecord(value) && typeof value.version === 'string' && isRecord(value.stacks) && !('resource' in value);
}

function normalizeJson(file: string, text: string): NormalizedFile {
  const source = parseJsonSource(file, text);
  const value = source.toJS();
  // A file is classified by its shape as a whole: an object that is both a Kubernetes object
  // and Terraform (an extra "resource" key on a Deployment) would be judged as only one of them.
  if (isKubernetesObject(value) && (isTerraformPlan(value) || isTerraformConfig(value))) {
    throw new GateInputError(
      file,
      source.startLine(),
      'ambiguous document: it has a Kubernetes apiVersion and kind and also Terraform keys (resource, provider, terraform or planned_values); split it into one document per tool',
    );
  }
  if (isTerraformPlan(value)) return { kind: 'terraform-plan', resources: normalizeTerraformPlan(file, source) };
  if (isTerraformConfig(value)) return { kind: 'terraform', resources: normalizeTerraformConfig(file, source) };
  if (isKubernetesObject(value)) return { kind: 'kubernetes', resources: normalizeKubernetesDocument(file, source) };
  if (isCdktfManifest(value)) return { kind: 'cdktf-manifest', resources: [] };
  if (isSourceMap(value)) return { kind: 'source-map', resources: [] };
  throw new GateInputError(
    file,
    source.startLine(),
    'unknown document: JSON that is neither Terraform configuration, a Terraform plan (terraform show -json) nor a Kubernetes object',
  );
}

/**
 * Normalizes one file; `file` is the repo-relative POSIX path used in reports. `today`
 * (YYYY-MM-DD) is the day `facts.lifecycle` is judged on.
 */
export function normalizeSource(file: string, text: string, today: string = utcToday()): NormalizedFile {
  const normalized = parseSource(file, text);
  return {
    kind: normalized.kind,
    resources: withStackReachabilityFacts(withLifecycleFacts(normalized.resources, today)),
  };
}

function parseSource(file: string, text: string): NormalizedFile {
  const extension = extname(file).toLowerCase();
  if (extension === '.json') return normalizeJson(file, text);
  if (extension === '.yaml' || extension === '.yml') {
    return {
      kind: 'kubernetes',
      resources: parseYamlSources(file, text).flatMap((source) => normalizeKubernetesDocument(file, source)),
    };
  }
  throw new GateInputError(
    file,
    null,
    `cannot gate a "${extension || 'extension-less'}" file: only .yaml, .yml and .json are gated`,
  );
}

/** The contract's entry point: one file's resources, or a GateInputError naming file and line. */
export function normalizeFile(file: string, text: string, today?: string): PolicyResource[] {
  return withRealityFacts(normalizeSource(file, text, today).resources);
}
