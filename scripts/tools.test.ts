import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from './core/repo-root';
import { runTool } from './core/testing/run-tool';
import { COMMAND_NAMES, runTools } from './tools';

const mockLoaded: string[] = [];
jest.mock('node-sarif-builder', () => {
  mockLoaded.push('node-sarif-builder');
  return jest.requireActual('node-sarif-builder');
});
jest.mock('junit-report-builder', () => {
  mockLoaded.push('junit-report-builder');
  return jest.requireActual('junit-report-builder');
});

const COMMANDS_DIR = join(REPO_ROOT, 'scripts', 'commands');

describe('the one program of the tools', () => {
  it('has one command per npm script that runs it, and every such npm script is an alias', () => {
    const scripts = (
      JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }
    ).scripts;
    const aliases = Object.entries(scripts)
      .filter(([, line]) => line.startsWith('node scripts/run-tools.js'))
      .map(([name, line]) => {
        expect(line).toBe(`node scripts/run-tools.js ${name}`);
        return name;
      });
    expect(aliases.sort()).toEqual([...COMMAND_NAMES].sort());
  });

  it('keeps commands apart: no command file imports another', () => {
    const files = readdirSync(COMMANDS_DIR).filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'));
    const crossImports = files.flatMap((file) =>
      [...readFileSync(join(COMMANDS_DIR, file), 'utf8').matchAll(/from '\.\/([^']+)'/g)].map(
        ([, target]) => `${file} imports ./${target}`,
      ),
    );
    expect(crossImports).toEqual([]);
  });

  it('exits 2 on an unknown command, in the shared usage wording', () => {
    const run = runTool('no-such-command', []);
    expect(run).toEqual({ status: 2, stdout: '', stderr: "error: unknown command 'no-such-command' (see --help)\n" });
  });

  it('loads a report format library only when that format is asked for', async () => {
    const stdout = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const stderr = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const deployment = join(REPO_ROOT, 'scripts', 'manifests', 'fixtures', 'valid', 'clusters', 'dev', 'backend');
      expect(
        await runTools(['gate', deployment, '--format', 'text', '--format', 'json', '--output', '/dev/null']),
      ).toBeLessThan(2);
      expect(mockLoaded).toEqual([]);
      expect(await runTools(['gate', deployment, '--format', 'sarif'])).toBeLessThan(2);
      expect(mockLoaded).toEqual(['node-sarif-builder']);
    } finally {
      stdout.mockRestore();
      stderr.mockRestore();
    }
  });
});
