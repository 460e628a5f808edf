import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { runGate } from '../gate/run-gate';
import { REPO_ROOT } from '../gate/testing/synthesized-copy';
import { benchmarkObjects, OBJECTS_PER_NAMESPACE } from './kubernetes-objects';

function addresses(count: number): string[] {
  return benchmarkObjects(count).flatMap(({ objects }) =>
    objects.map((o) => {
      const metadata = o.metadata as { name: string; namespace?: string };
      return `${o.kind}/${metadata.namespace ?? ''}/${metadata.name}`;
    }),
  );
}

describe('benchmarkObjects', () => {
  it('yields exactly the requested number of distinct objects, the same every time', () => {
    const first = addresses(1000);
    expect(first).toHaveLength(1000);
    expect(new Set(first).size).toBe(1000);
    expect(addresses(1000)).toEqual(first);
  });

  it('is realistic enough to pass every policy of the gate', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bench-objects-'));
    try {
      for (const { namespace, objects } of benchmarkObjects(OBJECTS_PER_NAMESPACE * 2)) {
        mkdirSync(join(dir, namespace));
        writeFileSync(
          join(dir, namespace, 'objects.yaml'),
          objects.map((o) => stringify(o, { aliasDuplicateObjects: false })).join('---\n'),
        );
      }
      const report = await runGate({
        paths: ['.'],
        root: dir,
        bundleDir: join(REPO_ROOT, 'policies', 'bundle'),
        exceptionsFile: join(REPO_ROOT, 'policies', 'exceptions.yaml'),
        today: '2026-01-01',
      });
      expect(report.resourceCount).toBe(OBJECTS_PER_NAMESPACE * 2);
      expect(report.findings.map((f) => `${f.policy} ${f.resource}`)).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
