import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { environment } from '../environments';
import { helmReleases, registeredApps } from './registry';

describe('the app registry', () => {
  it('holds every app folder of apps/, sorted, each with its own folder name', () => {
    expect(registeredApps().map((app) => app.folder)).toEqual([
      'backend',
      'certificates',
      'frontend',
      'logging',
      'observability',
      'platform',
      'scaling',
      'secrets',
    ]);
  });

  it('gathers the Helm releases of every app, sorted by name', () => {
    expect(helmReleases(environment('dev')).map((release) => release.name)).toEqual([
      'aws-load-balancer-controller',
      'cert-manager',
      'cluster-autoscaler',
      'eck-operator',
      'external-secrets',
      'kube-prometheus-stack',
    ]);
  });

  describe('on a folder that is not a registered app', () => {
    const scratch = mkdtempSync(join(tmpdir(), 'apps-registry-'));
    afterAll(() => rmSync(scratch, { recursive: true, force: true }));

    it('refuses a folder without app.ts, naming it', () => {
      mkdirSync(join(scratch, 'no-descriptor', 'orphan'), { recursive: true });
      expect(() => registeredApps(join(scratch, 'no-descriptor'))).toThrow(/^apps\/orphan\/: no app\.ts/);
    });

    it('refuses an app.ts whose descriptor names another folder', () => {
      mkdirSync(join(scratch, 'misnamed', 'shop'), { recursive: true });
      writeFileSync(join(scratch, 'misnamed', 'shop', 'app.ts'), "export const app = { folder: 'store' };\n");
      expect(() => registeredApps(join(scratch, 'misnamed'))).toThrow(
        /^apps\/shop\/app\.ts: exports no `app` descriptor whose folder is "shop"/,
      );
    });
  });
});
