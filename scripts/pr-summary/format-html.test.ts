import { sampleReport } from '../gate/testing/sample-report';
import { formatSummaryHtml } from './format-html';
import { sampleSummary } from './testing/sample-summary';

describe('formatSummaryHtml', () => {
  it('lists the planned replacement with its forcing attribute and the trailer it needs', () => {
    const page = formatSummaryHtml(sampleSummary());
    expect(page).toContain('<code>aws_db_instance.database</code> — forced by <code>identifier</code>');
    expect(page).toContain('<pre>Acknowledge-destroy: prod aws_db_instance.database</pre>');
  });

  it('is one self-contained page: inline style, no script, nothing fetched', () => {
    const page = formatSummaryHtml(sampleSummary({ gate: sampleReport() }));
    expect(page.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(page).toContain('<style>');
    expect(page).not.toMatch(/<script|<link|src=|href=|url\(/i);
  });

  it('carries the verdict, the changed resources, the plan deletes and the drift fix', () => {
    const page = formatSummaryHtml(
      sampleSummary({
        drift: [{ kind: 'stale', file: 'clusters/dev/x.yaml', note: 'committed, no longer synthesized' }],
      }),
    );
    expect(page).toContain('<title>Pull-request summary: needs attention</title>');
    expect(page).toContain(
      '<p class="verdict failed">Needs attention: 1 generated file out of sync with a fresh synth (run <code>npm run synth</code> and commit the result); not planned: dev',
    );
    expect(page).toContain(
      '<li>added: <code>aws_s3_bucket.audit</code></li><li>removed: <code>aws_sqs_queue.jobs</code></li>',
    );
    expect(page).toContain('<li><strong>prod</strong> deletes: <code>aws_sqs_queue.jobs</code></li>');
    expect(page).toContain('not planned: run <code>npm run tf:check</code>');
    expect(page).toContain('<li>stale: <code>clusters/dev/x.yaml</code> (committed, no longer synthesized)</li>');
  });

  it('escapes what it shows', () => {
    const page = formatSummaryHtml(sampleSummary({ gate: sampleReport() }));
    expect(page).toContain('x86-only build agent until the &lt;vendor&gt; ships arm64 images');
    expect(page).not.toContain('<vendor>');
  });
});
