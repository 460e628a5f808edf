/* biome-ignore-all lint/suspicious/noTemplateCurlyInString: Terraform interpolation syntax throughout */
import { normalizeFile } from './normalize';
import { resolveConfigValue, UNKNOWN_KEY } from './unknown-values';

describe('resolveConfigValue', () => {
  it('marks values only known at plan or apply time as unknown', () => {
    expect(
      resolveConfigValue({
        a: '${null}',
        b: '${var.key}',
        c: '${local.key}',
        d: '${module.kms.arn}',
        e: '${data.aws_kms_key.main.arn}',
        f: '${var.on ? aws_kms_key.a.arn : null}',
      }),
    ).toEqual({
      a: { [UNKNOWN_KEY]: 'null' },
      b: { [UNKNOWN_KEY]: 'var.key' },
      c: { [UNKNOWN_KEY]: 'local.key' },
      d: { [UNKNOWN_KEY]: 'module.kms.arn' },
      e: { [UNKNOWN_KEY]: 'data.aws_kms_key.main.arn' },
      f: { [UNKNOWN_KEY]: 'var.on ? aws_kms_key.a.arn : null' },
    });
  });

  it('keeps literals, managed-resource references and text mixing both', () => {
    const value = {
      literal: 'arn:aws:kms:eu-west-1:111122223333:alias/logs',
      reference: '${aws_kms_key.logs.arn}',
      indexed: '${aws_eks_cluster.main.identity[0].oidc[0].issuer}',
      mixed: 'prefix-${var.x}',
      provider: '${aws.us}',
    };
    expect(resolveConfigValue(value)).toEqual(value);
  });

  it('turns a dynamic block into an unknown block of its name', () => {
    expect(
      resolveConfigValue({
        dynamic: { ingress: { for_each: '${var.rules}', content: { cidr_blocks: ['0.0.0.0/0'] } } },
      }),
    ).toEqual({ ingress: { [UNKNOWN_KEY]: 'dynamic "ingress"' } });
  });
});

describe('normalized Terraform configuration', () => {
  const resources = normalizeFile(
    'terraform/cdktf.out/stacks/prod/cdk.tf.json',
    JSON.stringify({
      resource: {
        aws_cloudwatch_log_group: {
          app: { kms_key_id: '${null}', tags: { key: '${aws_kms_key.logs.arn}' } },
        },
      },
    }),
  );

  it('records references per attribute, so a tag cannot vouch for kms_key_id', () => {
    expect(resources[0]?.attributeReferences).toEqual({ key: ['aws_kms_key.logs'] });
    expect(resources[0]?.references).toEqual(['aws_kms_key.logs']);
  });

  it('passes ${null} to the policies as unknown', () => {
    expect(resources[0]?.values.kms_key_id).toEqual({ [UNKNOWN_KEY]: 'null' });
  });
});
