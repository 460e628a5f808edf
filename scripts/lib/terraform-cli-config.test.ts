import { renderCliConfig } from './terraform-cli-config';

it('installs the AWS provider from the mirror and every other provider directly', () => {
  const config = renderCliConfig('/srv/mirror');
  expect(config).toContain('filesystem_mirror {\n    path    = "/srv/mirror"\n');
  expect(config).toContain('include = ["registry.terraform.io/hashicorp/aws"]');
  expect(config).toContain('direct {\n    exclude = ["registry.terraform.io/hashicorp/aws"]');
});

it('quotes paths holding quotes or backslashes', () => {
  expect(renderCliConfig('/a "b"\\c')).toContain('path    = "/a \\"b\\"\\\\c"');
});
