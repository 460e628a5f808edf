/** An input the report cannot trust (bundle manifest, catalog): exit 2, nothing written. */
export class ReportInputError extends Error {
  override readonly name = 'ReportInputError';
}
