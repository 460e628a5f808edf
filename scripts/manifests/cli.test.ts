import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { EXIT, runValidateManifests } from './cli';

const fixtures = relative(process.cwd(), join(__dirname, 'fixtures'));

async function run(...argv: string[]): Promise<{ code: number; info: string[]; errors: string[] }> {
  const info: string[] = [];
  const errors: string[] = [];
  const code = await runValidateManifests(argv, {
    info: (line) => info.push(line),
    error: (line) => errors.push(line),
  });
  return { code, info, errors };
}

describe('npm run validate:manifests', () => {
  it('exits 0 on the valid tree with a progress line per environment and the closing summary', async () => {
    const { code, info, errors } = await run(join(fixtures, 'valid', 'clusters'));
    expect(errors).toEqual([]);
    expect(code).toBe(EXIT.clean);
    expect(info).toContainEqual(
      expect.stringMatching(
        /^info: clusters\/dev: 17 objects in 17 files \(schemas \+ consistency\): 13 schema-checked, 4 structural-only, 0 errors in \d+\.\d\d s$/,
      ),
    );
    expect(info.at(-1)).toBe(
      'info: validated 17 objects in 17 files across 1 environments: 13 schema-checked, 4 structural-only; 0 errors',
    );
  });

  it('says plainly which objects were only structurally checked', async () => {
    const { info } = await run(join(fixtures, 'valid', 'clusters', 'dev'));
    expect(info.filter((line) => line.includes('structural-only ('))).toEqual([
      `info: structural-only (no models package for external-secrets.io/v1): ${fixtures}/valid/clusters/dev/backend/ExternalSecret.backend-database.yaml:2: ExternalSecret ecolaura/backend-database`,
      `info: structural-only (no models package for elasticsearch.k8s.elastic.co/v1): ${fixtures}/valid/clusters/dev/logging/Elasticsearch.logging.yaml:2: Elasticsearch logging/logging`,
      `info: structural-only (no models package for kibana.k8s.elastic.co/v1): ${fixtures}/valid/clusters/dev/logging/Kibana.logging.yaml:2: Kibana logging/logging`,
      `info: structural-only (no models package for external-secrets.io/v1): ${fixtures}/valid/clusters/dev/platform/ClusterSecretStore.aws-secrets-manager.yaml:2: ClusterSecretStore aws-secrets-manager`,
    ]);
  });

  it('exits 1 on validation errors, one error line per problem', async () => {
    const { code, errors, info } = await run(join(fixtures, 'broken'));
    expect(code).toBe(EXIT.invalid);
    expect(errors).toHaveLength(4);
    expect(errors).toContain(
      `error: ${fixtures}/broken/deployment-replicas-string.yaml:8: Deployment ecolaura/backend: spec.replicas: must be integer (got string "three")`,
    );
    expect(info.at(-1)).toBe(
      'info: validated 4 objects in 4 files across 0 environments: 4 schema-checked, 0 structural-only; 4 errors',
    );
  });

  describe('exit 2', () => {
    let scratch: string;
    beforeEach(() => {
      scratch = mkdtempSync(join(tmpdir(), 'validate-manifests-cli-'));
    });
    afterEach(() => rmSync(scratch, { recursive: true, force: true }));

    it('names the file and line of unparseable YAML', async () => {
      const file = join(scratch, 'bad.yaml');
      writeFileSync(file, 'apiVersion: v1\nkind: ConfigMap\nmetadata: [\n');
      const { code, errors } = await run(file);
      expect(code).toBe(EXIT.usage);
      expect(errors).toEqual([expect.stringMatching(new RegExp(`^error: ${file}:\\d+: cannot parse: `))]);
    });

    it('refuses a path that does not exist', async () => {
      const { code, errors } = await run(join(scratch, 'clusters'));
      expect(code).toBe(EXIT.usage);
      expect(errors).toEqual([
        `error: ${join(scratch, 'clusters')} does not exist (run \`npm run synth\` to create clusters/)`,
      ]);
    });

    it('refuses a folder without any manifest rather than passing it', async () => {
      const { code, errors } = await run(scratch);
      expect(code).toBe(EXIT.usage);
      expect(errors).toEqual([`error: no YAML manifests found in ${scratch}; nothing was validated`]);
    });

    it('refuses an unknown option', async () => {
      const { code, errors } = await run('--strict');
      expect(code).toBe(EXIT.usage);
      expect(errors).toEqual(["error: unknown option '--strict' (see --help)"]);
    });
  });

  it('prints help with the exit codes and exits 0', async () => {
    const { code, info } = await run('--help');
    expect(code).toBe(EXIT.clean);
    expect(info.join('\n')).toMatch(/Usage: validate-manifests \[options\] \[paths\.\.\.\][\s\S]*Exit codes: 0/);
  });
});
