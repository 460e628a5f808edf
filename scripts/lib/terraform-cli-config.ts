/**
 * The Terraform CLI configuration `npm run tf:check` writes for its child processes: the AWS
 * provider from the filesystem mirror, every other provider (there are none today) direct.
 * https://developer.hashicorp.com/terraform/cli/config/config-file#provider-installation
 */

const AWS_PROVIDER = 'registry.terraform.io/hashicorp/aws';

/** HCL strings are JSON strings for the characters a path can hold. */
function hclString(value: string): string {
  return JSON.stringify(value);
}

export function renderCliConfig(mirrorDir: string): string {
  return [
    '# Written by `npm run tf:check` for its own terraform processes; regenerated on every run.',
    'provider_installation {',
    '  filesystem_mirror {',
    `    path    = ${hclString(mirrorDir)}`,
    `    include = [${hclString(AWS_PROVIDER)}]`,
    '  }',
    '  direct {',
    `    exclude = [${hclString(AWS_PROVIDER)}]`,
    '  }',
    '}',
    '',
  ].join('\n');
}
