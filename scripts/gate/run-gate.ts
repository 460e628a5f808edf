/**
 * One gate run, as a library: collect files, normalize, evaluate, apply exceptions. The CLI
 * (scripts/commands/gate.ts) and the tests both call this, so what the tests prove is what CI runs.
 */

import { readSourceFile } from '../core/source/read-source-file';
import { planStaleness } from '../lib/plan-stamp';
import type { LifecycleJudgement } from '../lib/support-lifecycle';
import { withClusterReachabilityFacts } from '../reality/reachability-facts';
import { withRealityFacts } from '../reality/reality-facts';
import type { Catalog } from './catalog';
import { type CollectedFiles, collectFiles, defaultPaths } from './collect-files';
import { dedupeAndSort, loadPolicyBundle, type PolicyBundle } from './evaluate';
import { applyExceptions, type Finding, loadExceptions, type PolicyException } from './exceptions';
import { groupFindings } from './group-findings';
import { locateViolations } from './locate-findings';
import { type DocumentKind, normalizeSource } from './normalize';
import { type PolicyResource, SEVERITIES, type Severity, type Violation } from './types';

export interface GateOptions {
  /** Files or directories; empty gates the repository's default targets. */
  readonly paths: readonly string[];
  /** Directory paths are resolved and reported relative to (the repository root). */
  readonly root: string;
  readonly bundleDir: string;
  readonly exceptionsFile: string;
  /** `YYYY-MM-DD`: the day exceptions and support calendars (`facts.lifecycle`) are judged on. */
  readonly today: string;
  /**
   * `per-group` evaluates each group (an environment's manifests, one Terraform file) on its own,
   * keeping the input cross-resource rules scan small; `all` evaluates everything at once.
   * @default 'per-group'
   */
  readonly evaluation?: 'per-group' | 'all';
}

export interface GatedFileSummary {
  readonly file: string;
  readonly kind: DocumentKind;
  readonly resources: number;
}

export interface GateReport {
  readonly findings: readonly Finding[];
  readonly stale: readonly (PolicyException & { readonly expired: boolean })[];
  readonly files: readonly GatedFileSummary[];
  readonly skipped: CollectedFiles['skipped'];
  /** Saved plans whose stack changed after tf:check wrote them: listed, not judged. */
  readonly stalePlans: readonly { readonly file: string; readonly reason: string }[];
  readonly resourceCount: number;
  /** The normalized policy input, for --write-input (auditors, `opa eval` comparisons). */
  readonly resources: readonly PolicyResource[];
  readonly catalog: Catalog;
  readonly today: string;
  /** Seconds per stage, for --verbose. */
  readonly timings: Readonly<Record<'collect' | 'normalize' | 'load' | 'evaluate', number>>;
}

export interface GateCounts {
  readonly failing: number;
  readonly bySeverity: Readonly<Record<Severity, number>>;
  readonly waived: number;
  readonly expired: number;
  readonly stale: number;
}

export function countFindings(report: GateReport): GateCounts {
  const bySeverity = Object.fromEntries(SEVERITIES.map((severity) => [severity, 0])) as Record<Severity, number>;
  let failing = 0;
  let waived = 0;
  let expired = 0;
  for (const finding of report.findings) {
    if (finding.waived) {
      waived += 1;
      continue;
    }
    failing += 1;
    bySeverity[finding.severity] += 1;
    if (finding.exception?.expired) expired += 1;
  }
  return { failing, bySeverity, waived, expired, stale: report.stale.length };
}

/** 1 when any violation is left unwaived, else 0 (errors exit 2 before a report exists). */
export function exitCodeOf(report: Pick<GateReport, 'findings'>): 0 | 1 {
  return report.findings.some((finding) => !finding.waived) ? 1 : 0;
}

/**
 * One `warning:` line per resource whose pinned version is within WARNING_DAYS of the end of its
 * support window (`facts.lifecycle.status` = `ending`): a warning, never a violation.
 */
export function supportWarnings(resources: readonly PolicyResource[]): string[] {
  return resources.flatMap((resource) => {
    const lifecycle = resource.facts.lifecycle as LifecycleJudgement | undefined;
    if (lifecycle?.status !== 'ending') return [];
    return [
      `warning: ${resource.file}: ${resource.address}: ${lifecycle.subject} ${lifecycle.version} leaves support on ${lifecycle.end} (${lifecycle.daysLeft} days left)`,
    ];
  });
}

function groupsOf(resources: readonly PolicyResource[]): PolicyResource[][] {
  const groups = new Map<string, PolicyResource[]>();
  for (const resource of resources) {
    const members = groups.get(resource.group) ?? [];
    members.push(resource);
    groups.set(resource.group, members);
  }
  return [...groups.values()];
}

function evaluateAll(
  bundle: PolicyBundle,
  resources: readonly PolicyResource[],
  mode: 'per-group' | 'all',
): Violation[] {
  if (mode === 'all') return bundle.evaluate({ resources });
  return dedupeAndSort(groupsOf(resources).flatMap((group) => bundle.evaluate({ resources: group })));
}

/** Facts that need every file of a cluster at once: admission, Argo CD sync, NetworkPolicy reachability. */
export function withCrossFileFacts(perFile: readonly PolicyResource[]): PolicyResource[] {
  return withClusterReachabilityFacts(withRealityFacts(perFile));
}

/**
 * Evaluation, locations and exceptions over the normalized resources, before findings of one root
 * cause are grouped; the mutation tests judge in-memory trees with it, group by group.
 */
export function judge(
  bundle: PolicyBundle,
  exceptions: readonly PolicyException[],
  resources: readonly PolicyResource[],
  options: Pick<GateOptions, 'root' | 'today' | 'evaluation'>,
): Pick<GateReport, 'findings' | 'stale'> {
  const violations = locateViolations(
    evaluateAll(bundle, resources, options.evaluation ?? 'per-group'),
    resources,
    options.root,
  );
  return applyExceptions(violations, exceptions, options.today);
}

export async function runGate(options: GateOptions): Promise<GateReport> {
  const clock = () => performance.now() / 1000;
  let started = clock();
  const collected = collectFiles(options.paths.length > 0 ? options.paths : defaultPaths(options.root), options.root);
  const collect = clock() - started;

  started = clock();
  const files: GatedFileSummary[] = [];
  const perFile: PolicyResource[] = [];
  const stalePlans: { file: string; reason: string }[] = [];
  for (const { absolute, file } of collected.files) {
    const normalized = normalizeSource(file, readSourceFile(absolute, file), options.today);
    const stale = normalized.kind === 'terraform-plan' ? planStaleness(options.root, absolute) : undefined;
    if (stale) {
      stalePlans.push({ file, reason: stale });
      continue;
    }
    files.push({ file, kind: normalized.kind, resources: normalized.resources.length });
    perFile.push(...normalized.resources);
  }
  const resources = withCrossFileFacts(perFile);
  const normalize = clock() - started;

  started = clock();
  const bundle = await loadPolicyBundle(options.bundleDir);
  const exceptions = loadExceptions(options.exceptionsFile, bundle.catalog, options.today);
  const load = clock() - started;

  started = clock();
  const applied = judge(bundle, exceptions, resources, options);
  const findings = groupFindings(applied.findings);
  const stale = applied.stale;
  const evaluate = clock() - started;

  return {
    findings,
    stale,
    files,
    skipped: collected.skipped,
    stalePlans,
    resourceCount: resources.length,
    resources,
    catalog: bundle.catalog,
    today: options.today,
    timings: { collect, normalize, load, evaluate },
  };
}
