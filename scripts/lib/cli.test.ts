import { Command } from 'commander';
import { parseCommandLine } from './cli';

function program(): Command {
  return new Command('tool')
    .option('--format <format>', 'output format')
    .exitOverride()
    .configureOutput({ writeOut: () => undefined, writeErr: () => undefined });
}

describe('parseCommandLine', () => {
  it('returns nothing when the arguments are good, leaving the options parsed', () => {
    const tool = program();
    expect(parseCommandLine(tool, ['node', 'tool', '--format', 'json'], 'aborted')).toBeUndefined();
    expect(tool.opts()).toEqual({ format: 'json' });
  });

  it('ends with exit 2 and the abort line on bad usage', () => {
    const printed: string[] = [];
    const code = parseCommandLine(program(), ['node', 'tool', '--no-such-option'], 'error: tool aborted', (line) =>
      printed.push(line),
    );
    expect(code).toBe(2);
    expect(printed).toEqual(['error: tool aborted']);
  });

  it('ends with exit 0 after --help, printing no error', () => {
    const printed: string[] = [];
    expect(parseCommandLine(program(), ['node', 'tool', '--help'], 'error: tool aborted', (l) => printed.push(l))).toBe(
      0,
    );
    expect(printed).toEqual([]);
  });
});
