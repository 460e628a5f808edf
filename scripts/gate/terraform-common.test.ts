// biome-ignore-all lint/suspicious/noTemplateCurlyInString: the strings are Terraform interpolations, not JS templates
import { addressOfTraversal, configReferences, effectiveTags, tagMap, withoutMetadata } from './terraform-common';

describe('addressOfTraversal', () => {
  it('maps traversals to the resource, data source or module they refer to', () => {
    expect(addressOfTraversal('aws_kms_key.logs.arn')).toBe('aws_kms_key.logs');
    expect(addressOfTraversal('aws_subnet.private[0].id')).toBe('aws_subnet.private');
    expect(addressOfTraversal('data.aws_iam_policy_document.assume.json')).toBe('data.aws_iam_policy_document.assume');
    expect(addressOfTraversal('module.vpc.vpc_id')).toBe('module.vpc');
  });

  it('ignores variables, locals, iteration symbols and names that are not resource types', () => {
    for (const traversal of [
      'var.region',
      'local.tags',
      'each.value',
      'count.index',
      'self.id',
      's3.amazonaws',
      'data.x',
    ]) {
      expect(addressOfTraversal(traversal)).toBeUndefined();
    }
  });
});

describe('configReferences', () => {
  it('reads nested interpolations and skips quoted literals inside them', () => {
    const body = {
      policy:
        '${jsonencode({"Principal" = {"Service" = "logs.eu-west-1.amazonaws.com"}, "Resource" = aws_kms_key.logs.arn})}',
      list: ['${element(aws_subnet.private.*.id, 0)}', 'plain.text.value'],
    };
    expect(configReferences(body)).toEqual(['aws_kms_key.logs', 'aws_subnet.private']);
  });
});

describe('tags', () => {
  it('coerces scalar tag values to strings and drops unresolved maps', () => {
    expect(tagMap({ a: 1, b: true, c: 'x', d: { nested: 1 } })).toEqual({ a: '1', b: 'true', c: 'x' });
    expect(tagMap('${local.tags}')).toEqual({});
  });

  it('lets the resource override provider default tags, keys sorted', () => {
    expect(Object.entries(effectiveTags({ owner: 'platform', env: 'dev' }, { owner: 'data' }))).toEqual([
      ['env', 'dev'],
      ['owner', 'data'],
    ]);
  });
});

describe('withoutMetadata', () => {
  it('drops // keys at every depth and nothing else', () => {
    expect(withoutMetadata({ '//': 1, a: { '//': 2, b: [{ '//': 3, c: 4 }] } })).toEqual({ a: { b: [{ c: 4 }] } });
  });
});
