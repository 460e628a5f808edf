import { ToolError } from '../core/errors';

/** An input the report cannot trust (bundle manifest, catalog): exit 2, nothing written. */
export class ReportInputError extends ToolError {
  override readonly name = 'ReportInputError';
}
