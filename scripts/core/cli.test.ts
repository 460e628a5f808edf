import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Command } from 'commander';
import { parseCommandLine, usageErrorText } from './cli';

const REPO = resolve(__dirname, '..', '..');
const TSX = join(REPO, 'node_modules', '.bin', 'tsx');
const TOOLS = join(REPO, 'scripts', 'run-tools.js');

function program(errors: string[] = []): Command {
  return new Command('tool')
    .option('--format <format>', 'output format')
    .configureOutput({ writeOut: () => undefined, writeErr: (text) => errors.push(text) });
}

describe('parseCommandLine', () => {
  it('returns nothing when the arguments are good, leaving the options parsed', () => {
    const tool = program();
    expect(parseCommandLine(tool, ['node', 'tool', '--format', 'json'])).toBeUndefined();
    expect(tool.opts()).toEqual({ format: 'json' });
  });

  it('ends with exit 2 on bad usage, saying so once in the shared wording through the program output', () => {
    const errors: string[] = [];
    expect(parseCommandLine(program(errors), ['node', 'tool', '--no-such-option'])).toBe(2);
    expect(errors).toEqual(["error: unknown option '--no-such-option' (see --help)\n"]);
  });

  it('reads user arguments when told they come without node and script', () => {
    const tool = program();
    expect(parseCommandLine(tool, ['--format', 'html'], 'user')).toBeUndefined();
    expect(tool.opts()).toEqual({ format: 'html' });
  });

  it('ends with exit 0 after --help, printing no error', () => {
    const errors: string[] = [];
    expect(parseCommandLine(program(errors), ['node', 'tool', '--help'])).toBe(0);
    expect(errors).toEqual([]);
  });

  it('keeps a "did you mean" hint on its own line after the pointer to --help', () => {
    expect(usageErrorText("error: unknown option '--formt'\n(Did you mean --format?)\n")).toBe(
      "error: unknown option '--formt' (see --help)\n(Did you mean --format?)",
    );
  });
});

/** npm scripts that are not command-line tools of scripts/ taking options. */
const NOT_OPTION_TAKING = ['check:install', 'lint', 'format', 'typecheck', 'unit', 'test'];

/** Every entry point of scripts/: each npm script's program, plus the benchmark generator. */
function entryPoints(): { name: string; command: readonly string[] }[] {
  const scripts = (JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { scripts: Record<string, string> })
    .scripts;
  const fromNpm = Object.entries(scripts)
    .filter(([name]) => !NOT_OPTION_TAKING.includes(name))
    .map(([name, line]) => {
      const [runner, file, ...rest] = line.split(' ');
      if (runner === 'node' && file === 'scripts/run-tools.js' && rest.length === 1 && rest[0] === name) {
        return { name, command: [process.execPath, TOOLS, name] };
      }
      if (runner === 'bash' && file !== undefined && rest.length === 0)
        return { name, command: ['bash', join(REPO, file)] };
      throw new Error(
        `npm script ${name} ("${line}") is neither "node scripts/run-tools.js ${name}" nor "bash scripts/….sh"`,
      );
    });
  return [
    ...fromNpm,
    { name: 'bench generate-objects', command: [TSX, join(REPO, 'scripts/bench/generate-objects.ts')] },
  ];
}

describe('every command of scripts/ run through its real entry point', () => {
  it.each(entryPoints())(
    '$name exits 2 on an unknown option, with the shared wording and nothing on stdout',
    ({ command: [program, ...args] }) => {
      const run = spawnSync(program as string, [...args, '--no-such-flag'], {
        cwd: REPO,
        encoding: 'utf8',
        timeout: 60_000,
      });
      expect({ status: run.status, stderr: run.stderr, stdout: run.stdout }).toEqual({
        status: 2,
        stderr: "error: unknown option '--no-such-flag' (see --help)\n",
        stdout: '',
      });
    },
  );
});
