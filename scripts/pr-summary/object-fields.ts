/**
 * The fields a changed Kubernetes object changes, old → new: the object's YAML at the base and in
 * the working tree, parsed and compared leaf by leaf. A Secret's `data` and `stringData` are
 * masked: their values must not reach a pull-request comment.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { isRecord } from '../core/is-record';
import { SummaryInputError } from './errors';
import { type BaseCommit, fileAtCommit } from './git';
import { diffValues, type ValueChange } from './value-diff';

function parseObjects(text: string, where: string): unknown[] {
  const documents = parseAllDocuments(text);
  const list = Array.isArray(documents) ? documents : [documents];
  return list.map((document) => {
    if (document.errors.length > 0) {
      throw new SummaryInputError(`${where}: not valid YAML (${document.errors[0]?.message}); run npm run synth`);
    }
    return document.toJS();
  });
}

/** `true` under a Secret's data fields, so diffValues prints `(sensitive)` there. */
function secretMarks(objects: readonly unknown[]): unknown[] {
  return objects.map((object) =>
    isRecord(object) && object.kind === 'Secret' ? { data: true, stringData: true } : undefined,
  );
}

/** Changed fields of `clusters/<env>/<name>.yaml`; paths start at the document (`[0].spec.replicas`). */
export function objectFieldChanges(root: string, base: BaseCommit, file: string): ValueChange[] {
  const before = parseObjects(fileAtCommit(root, base.commit, file), `${base.ref}:${file}`);
  let text: string;
  try {
    text = readFileSync(join(root, file), 'utf8');
  } catch (error) {
    throw new SummaryInputError(`cannot read ${file}: ${(error as Error).message}`);
  }
  const after = parseObjects(text, file);
  const single = before.length === 1 && after.length === 1;
  const changes = diffValues(single ? before[0] : before, single ? after[0] : after, {
    beforeSensitive: single ? secretMarks(before)[0] : secretMarks(before),
    afterSensitive: single ? secretMarks(after)[0] : secretMarks(after),
  });
  return changes;
}
