/**
 * The repository's mutation rows, gathered from every policy folder's `mutations.ts`
 * (`scripts/policy/mutations.ts`); the row type and shared helpers are in
 * `scripts/policy/mutation-kit.ts`.
 */

import { resolve } from 'node:path';
import { loadMutations } from '../policy/mutations';

export type { Mutation } from '../policy/mutation-kit';

export const MUTATIONS = loadMutations(resolve(__dirname, '..', '..'));
