import { ToolError } from '../core/errors';

/**
 * The one way the pull-request summary refuses to write a page: an input it cannot read (a bad
 * base ref, an unparseable stack or plan, a synth that fails). The CLI reports it as `error: …`
 * and exits 2, so a summary is never written from half the facts.
 */
export class SummaryInputError extends ToolError {
  override name = 'SummaryInputError';
}
