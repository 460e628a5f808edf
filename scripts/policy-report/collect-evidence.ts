/**
 * Gathers the auditor report's evidence from the sources the test suite itself uses: the fresh
 * catalog (policy:catalog's check), the test entrypoints of tests.wasm, and from each policy
 * folder the fixtures the replay test walks and the mutation rows the mutation test runs, then
 * policies/exceptions.yaml and one gate run over the repository's default paths.
 */

import { dirname, join } from 'node:path';
import { compareText } from '../core/compare';
import { isRecord } from '../core/is-record';
import { policiesById } from '../gate/catalog';
import { isExpired, loadExceptions, type PolicyException } from '../gate/exceptions';
import { exitCodeOf, type GateReport, runGate } from '../gate/run-gate';
import { findPolicyFixtures } from '../policy/fixtures';
import { loadFreshCatalog } from '../policy/fresh-catalog';
import { type FolderMutation, loadMutations } from '../policy/mutations';
import { FIXTURES_DIR, POLICY_TEST_FILE } from '../policy/policy-folders';
import { reachabilityRows } from '../reality/reachability-table';
import { realityTables } from '../reality/report-tables';
import { location } from '../render/format-common';
import { readBundleManifest, testsByPackage } from './bundle-manifest';
import { controlsIndex } from './controls-index';
import type { EvidenceReport, PolicyEvidence } from './evidence';
import { findGaps, type OrphanEvidence } from './find-gaps';
import { ReportInputError } from './report-input-error';

/** Test packages of the shared helpers: evidence for every policy, attributed to none. */
const HELPER_TEST_PREFIX = 'ecolaura.lib.';

export interface CollectOptions {
  readonly root: string;
  /** `YYYY-MM-DD`: the day exception expiry is judged on. */
  readonly today: string;
}

export type StepTimings = Record<'check bundle' | 'read evidence' | 'run gate', number>;

function themesById(raw: unknown): Map<string, string> {
  const list = isRecord(raw) && Array.isArray(raw.policies) ? raw.policies : [];
  const themes = new Map<string, string>();
  for (const entry of list) {
    if (!isRecord(entry) || typeof entry.id !== 'string' || typeof entry.theme !== 'string') {
      throw new ReportInputError(
        `policies/bundle/catalog.json: entry ${JSON.stringify(isRecord(entry) ? entry.id : entry)} has no "theme"; run npm run policy:build`,
      );
    }
    themes.set(entry.id, entry.theme);
  }
  return themes;
}

function verdictOf(gate: GateReport, policy: string): PolicyEvidence['verdict'] {
  const findings = gate.findings.filter((finding) => finding.policy === policy);
  const failing = findings
    .filter((finding) => !finding.waived)
    .map((finding) => ({ resource: finding.resource, location: location(finding), message: finding.message }))
    .sort((a, b) => compareText(a.location, b.location) || compareText(a.resource, b.resource));
  return { violations: failing.length, waived: findings.length - failing.length, failing };
}

function exceptionsOf(
  exceptions: readonly PolicyException[],
  gate: GateReport,
  policy: string,
  today: string,
): PolicyEvidence['exceptions'] {
  return exceptions
    .filter((exception) => exception.policy === policy)
    .map((exception) => ({
      index: exception.index,
      resource: exception.resource,
      environment: exception.environment,
      owner: exception.owner,
      justification: exception.justification,
      expires: exception.expires,
      status: isExpired(exception, today) ? ('expired' as const) : ('active' as const),
      waives: gate.findings.filter((finding) => finding.waived && finding.exception?.index === exception.index).length,
    }));
}

function orphansOf(
  known: ReadonlyMap<string, { package: string }>,
  mutations: readonly FolderMutation[],
  testPackages: Iterable<string>,
): OrphanEvidence[] {
  const orphans: OrphanEvidence[] = [];
  for (const mutation of mutations) {
    const policy = known.get(mutation.policy.id);
    if (!policy) {
      orphans.push({
        policy: mutation.policy.id,
        problem: `mutation row "${mutation.defect}" names no catalog policy`,
      });
    } else if (policy.package !== mutation.policy.package) {
      orphans.push({
        policy: mutation.policy.id,
        problem: `mutation row "${mutation.defect}" names package ${mutation.policy.package}, the catalog ${policy.package}`,
      });
    }
  }
  const policyTestPackages = new Set([...known.values()].map((policy) => `${policy.package}_test`));
  for (const pkg of testPackages) {
    if (!pkg.startsWith(HELPER_TEST_PREFIX) && !policyTestPackages.has(pkg)) {
      orphans.push({ policy: pkg, problem: 'Rego test package that belongs to no policy' });
    }
  }
  return orphans;
}

export async function collectEvidence(
  options: CollectOptions,
): Promise<{ report: EvidenceReport; timings: StepTimings }> {
  const clock = () => performance.now() / 1000;
  let started = clock();
  const { raw } = loadFreshCatalog(options.root);
  const manifest = readBundleManifest(options.root);
  const themes = themesById(raw);
  const checkBundle = clock() - started;

  started = clock();
  const gate = await runGate({
    paths: [],
    root: options.root,
    bundleDir: join(options.root, 'policies', 'bundle'),
    exceptionsFile: join(options.root, 'policies', 'exceptions.yaml'),
    today: options.today,
  });
  const runGateSeconds = clock() - started;

  started = clock();
  const exceptions = loadExceptions(join(options.root, 'policies', 'exceptions.yaml'), gate.catalog);
  const fixtures = findPolicyFixtures(options.root);
  const mutations = loadMutations(options.root);
  const tests = testsByPackage(manifest.testEntrypoints);
  const policies = policiesById(gate.catalog).map((policy): PolicyEvidence => {
    const theme = themes.get(policy.id);
    if (theme === undefined) throw new ReportInputError(`policies/bundle/catalog.json: ${policy.id} has no theme`);
    const folder = dirname(policy.file);
    const testFile = `${folder}/${POLICY_TEST_FILE}`;
    const own = fixtures.filter((fixture) => fixture.folder === folder);
    const names = (expectation: 'allowed' | 'disallowed') =>
      own.filter((fixture) => fixture.expectation === expectation).map((fixture) => fixture.name);
    return {
      id: policy.id,
      title: policy.title,
      severity: policy.severity,
      theme,
      description: policy.description,
      controls: policy.controls,
      equivalents: policy.equivalents,
      remediation: policy.remediation,
      package: policy.package,
      file: policy.file,
      tests: {
        file: manifest.sources.has(testFile) ? testFile : null,
        names: tests.get(`${policy.package}_test`) ?? [],
      },
      fixtures: {
        folder: `${folder}/${FIXTURES_DIR}/`,
        allowed: names('allowed'),
        disallowed: names('disallowed'),
      },
      mutations: mutations
        .filter((mutation) => mutation.folder === folder)
        .map((mutation) => ({
          defect: mutation.defect,
        })),
      exceptions: exceptionsOf(exceptions, gate, policy.id, options.today),
      verdict: verdictOf(gate, policy.id),
    };
  });
  const gaps = findGaps(policies, orphansOf(gate.catalog, mutations, tests.keys()));
  const readEvidence = clock() - started;

  const failing = gate.findings.filter((finding) => !finding.waived).length;
  const report: EvidenceReport = {
    bundle: manifest.identity,
    today: options.today,
    totals: {
      policies: policies.length,
      tests: policies.reduce((sum, policy) => sum + policy.tests.names.length, 0),
      helperTests: [...tests.entries()]
        .filter(([pkg]) => pkg.startsWith(HELPER_TEST_PREFIX))
        .reduce((sum, [, names]) => sum + names.length, 0),
      fixtures: fixtures.length,
      mutations: mutations.length,
      exceptions: exceptions.length,
    },
    gate: {
      passed: exitCodeOf(gate) === 0,
      violations: failing,
      waived: gate.findings.length - failing,
      staleExceptions: gate.stale.length,
      resources: gate.resourceCount,
      files: gate.files.length,
    },
    reality: realityTables(gate.resources, gate.findings),
    reachability: reachabilityRows(gate.resources),
    gaps,
    controls: controlsIndex(policies),
    policies,
  };
  return {
    report,
    timings: { 'check bundle': checkBundle, 'run gate': runGateSeconds, 'read evidence': readEvidence },
  };
}
