/**
 * The mutation rows of every policy, read from each policy folder's `mutations.ts`. A row must
 * name the package of the folder it lives in; a file without a `MUTATIONS` list is an error, not
 * an empty contribution.
 */

import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Mutation } from './mutation-kit';
import { findPolicyFolders, MUTATIONS_FILE, type PolicyFolder } from './policy-folders';

export interface FolderMutation extends Mutation {
  /** The policy folder whose mutations.ts holds the row. */
  readonly folder: string;
}

function rowsOf(root: string, folder: PolicyFolder): FolderMutation[] {
  // require() takes a relative path for a package name, so the file is made absolute.
  const file = resolve(root, folder.dir, MUTATIONS_FILE);
  if (!existsSync(file)) return [];
  const rows = (require(file) as { MUTATIONS?: unknown }).MUTATIONS;
  if (!Array.isArray(rows)) throw new Error(`${folder.dir}/${MUTATIONS_FILE}: exports no MUTATIONS list`);
  return (rows as Mutation[]).map((row) => {
    if (row.policy.package !== folder.pkg) {
      throw new Error(
        `${folder.dir}/${MUTATIONS_FILE}: row "${row.defect}" names package ${row.policy.package}; rows of this folder catch ${folder.pkg}`,
      );
    }
    return { ...row, folder: folder.dir };
  });
}

/** Every policy folder's rows, folder by folder in path order. */
export function loadMutations(root: string): FolderMutation[] {
  return findPolicyFolders(root).flatMap((folder) => rowsOf(root, folder));
}
