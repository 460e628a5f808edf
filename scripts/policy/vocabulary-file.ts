/**
 * The synth hook that writes policies/vocabulary.json (data.ecolaura.vocabulary) from the model,
 * atomically, so `npm run synth` keeps the policies' words equal to the model's.
 */

import { join } from 'node:path';
import { renderVocabularyFile, VOCABULARY_FILE } from '../../environments/vocabulary';
import { writeFileAtomically } from '../core/write-file-atomically';

/** Writes the vocabulary under `root` and returns its repo-relative path. */
export function writeVocabularyFile(root: string): string {
  writeFileAtomically(join(root, VOCABULARY_FILE), renderVocabularyFile());
  return VOCABULARY_FILE;
}
