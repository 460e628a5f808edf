/**
 * Child process for the SIGKILL tests of `atomic-dir.ts`: replaces `<target>` with `<count>` new
 * files and kills itself with SIGKILL at the moment named by `<kill-at>`:
 *   `file:N`   after writing the Nth file of the staging folder;
 *   `rename:N` right after the Nth rename(2) of the swap (1: old tree stepped aside; 2: new tree in place);
 *   `never`    not at all.
 * The kill is real (the kernel ends the process mid-call sequence); only the moment is chosen.
 */
import type { PathLike } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { replaceDirAtomically } from '../atomic-dir';

const [target, countText, killAt = 'never'] = process.argv.slice(2);
if (!target || !countText) throw new Error('usage: replace-dir-child <target> <count> <kill-at>');
const count = Number(countText);
const die = (): never => {
  process.kill(process.pid, 'SIGKILL');
  throw new Error('unreachable');
};

// The CommonJS module object itself (an `import * as` namespace would be a copy), so that
// atomic-dir's calls go through the wrapper.
const fs = createRequire(__filename)('node:fs') as typeof import('node:fs');
const realRename = fs.renameSync;
let renames = 0;
Object.defineProperty(fs, 'renameSync', {
  value: (from: PathLike, to: PathLike) => {
    realRename(from, to);
    renames += 1;
    if (killAt === `rename:${renames}`) die();
  },
});

replaceDirAtomically(target, (staging) => {
  for (let index = 1; index <= count; index += 1) {
    fs.writeFileSync(join(staging, `file-${index}.yaml`), `new ${index}\n`);
    if (killAt === `file:${index}`) die();
  }
});
process.stdout.write('done\n');
