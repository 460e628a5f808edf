import { join, relative } from 'node:path';
import { ENVIRONMENT_NAMES } from '../../environments/model';
import { formatProblem } from './problem';
import { type RunReport, validatePaths } from './validate';

/**
 * The committed clusters/ tree, validated exactly as `npm run validate:manifests` does. A
 * missing clusters/ fails here (the CLI's "does not exist" error), it is never skipped.
 */
const CLUSTERS = relative(process.cwd(), join(__dirname, '..', '..', 'clusters'));

/** Groups of operators without a models package; anything else must have had a schema check. */
const STRUCTURAL_ONLY_GROUPS = [
  'agent.k8s.elastic.co',
  'apm.k8s.elastic.co',
  'beat.k8s.elastic.co',
  'elasticsearch.k8s.elastic.co',
  'kibana.k8s.elastic.co',
  'logstash.k8s.elastic.co',
];

/** Versions of packaged groups the package has no schema for (its external-secrets v1 needs Node 22). */
const STRUCTURAL_ONLY_API_VERSIONS = ['external-secrets.io/v1'];

describe('the committed clusters/ tree', () => {
  let report: RunReport;
  beforeAll(async () => {
    report = await validatePaths([CLUSTERS]);
  });

  it('validates clean: no schema, structural, layout or consistency problem', () => {
    const problems = [
      ...report.layoutProblems.map(formatProblem),
      ...report.trees.flatMap((tree) => [
        ...tree.readErrors.map((error) => error.message),
        ...tree.problems.map(formatProblem),
      ]),
    ];
    expect(problems).toEqual([]);
  });

  it('holds every declared environment, each with objects, and nothing outside them', () => {
    expect(report.trees.map((tree) => tree.environment).sort()).toEqual([...ENVIRONMENT_NAMES].sort());
    for (const tree of report.trees) expect(tree.objects).toBeGreaterThan(0);
  });

  it('leaves only other operators’ custom resources to the structural check', () => {
    const apiVersions = report.trees.flatMap((tree) => tree.structuralOnly.map((entry) => entry.apiVersion));
    const unexpected = [...new Set(apiVersions)].filter(
      (apiVersion) =>
        !STRUCTURAL_ONLY_GROUPS.includes(apiVersion.split('/')[0] ?? '') &&
        !STRUCTURAL_ONLY_API_VERSIONS.includes(apiVersion),
    );
    expect(unexpected).toEqual([]);
  });
});
