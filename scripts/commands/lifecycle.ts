/**
 * `npm run lifecycle -- [--today YYYY-MM-DD] [--format text|json]`: every version
 * environments/versions.ts pins, with the end of its support window from
 * environments/support-calendar.ts and the days left. Exit 0: nothing past its end; 1: at least
 * one pinned version past its end; 2: bad usage.
 */

import { Command, Option } from 'commander';
import { parseCommandLine, type ToolCommand } from '../core/cli';
import { todayOption } from '../core/iso-date';
import { judgePinnedVersions } from '../lib/support-lifecycle';
import { lifecycleExitCode, renderJson, renderText, summaryOf } from '../lib/support-lifecycle-report';

function buildProgram(): Command {
  return new Command('lifecycle')
    .description(
      'List every pinned version with the end of its support window and the days left.\n' +
        'Exit 0: nothing past its end; 1: a pinned version is past its end; 2: bad usage.',
    )
    .addOption(new Option('-f, --format <format>', 'report format').choices(['text', 'json']).default('text'))
    .addOption(todayOption('judge support windows as of this day'));
}

async function main(args: readonly string[]): Promise<number> {
  const program = buildProgram();
  const usageExit = parseCommandLine(program, args, 'user');
  if (usageExit !== undefined) return usageExit;
  const options = program.opts<{ format: 'text' | 'json'; today: string }>();
  const report = { today: options.today, versions: judgePinnedVersions(options.today) };
  process.stdout.write(options.format === 'json' ? renderJson(report) : renderText(report));
  console.error(summaryOf(report));
  return lifecycleExitCode(report);
}

export const lifecycle: ToolCommand = {
  abortLine: 'error: lifecycle aborted (exit 2)',
  run: main,
};
