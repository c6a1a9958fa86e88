import rule from '../../rules/no-wildcard-action.js';
import { runRuleTests } from '../rule-tester.js';

runRuleTests(rule, {
  valid: [
    '{"Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}',
    // Deny grants nothing.
    '{"Statement":[{"Effect":"Deny","Action":"*","Resource":"*"}]}',
    // Prefix patterns name the actions they cover.
    '{"Statement":{"Effect":"Allow","Action":["s3:Get*","ec2:Describe*"],"Resource":"*"}}',
    // A misspelt Effect is rejected by IAM; it grants nothing.
    '{"Statement":[{"Effect":"allow","Action":"*","Resource":"*"}]}',
    // Boundaries and SCPs only cap other grants.
    { code: '{"Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}', kind: 'boundary' },
    { code: '{"Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}', kind: 'scp' },
    {
      code: '{"Statement":[{"Effect":"Allow","Action":"logs:*","Resource":"*"}]}',
      options: { ignoreServices: ['logs'] },
    },
    // The default KMS key policy delegates the key to its account's IAM policies.
    `{"Statement":[{"Sid":"Enable IAM User Permissions","Effect":"Allow",
"Principal":{"AWS":"arn:aws:iam::111122223333:root"},"Action":"kms:*","Resource":"*"}]}`,
    // NotAction is no-allow-not-action's business.
    '{"Statement":[{"Effect":"Allow","NotAction":"*","Resource":"*"}]}',
  ],
  invalid: [
    // kms:* to a role is not the account delegation of the default key policy.
    {
      code: `{"Statement":[{"Effect":"Allow",
"Principal":{"AWS":"arn:aws:iam::111122223333:role/admin"},"Action":"kms:*","Resource":"*"}]}`,
      errors: [
        {
          messageId: 'wildcardService',
          data: { action: 'kms:*', service: 'kms' },
          line: 2,
          column: 69,
          endLine: 2,
          endColumn: 76,
        },
      ],
    },
    // Only KMS delegates to an account this way; s3:* for another account is a full grant.
    {
      code: `{"Statement":[{"Effect":"Allow",
"Principal":{"AWS":"444455556666"},"Action":["s3:?*"],"Resource":"*"}]}`,
      errors: [
        {
          messageId: 'wildcardService',
          data: { action: 's3:?*', service: 's3' },
          line: 2,
          column: 46,
          endLine: 2,
          endColumn: 53,
        },
      ],
    },
    {
      code: `{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Allow", "Action": "*", "Resource": "*" }
  ]
}`,
      errors: [
        {
          messageId: 'wildcardAction',
          data: { action: '*' },
          line: 4,
          column: 36,
          endLine: 4,
          endColumn: 39,
        },
      ],
    },
    // Letter case does not matter: "IAM:*" is "iam:*".
    {
      code: '{"Statement":[{"Effect":"Allow","Action":["s3:GetObject","IAM:*"],"Resource":"*"}]}',
      errors: [
        {
          messageId: 'wildcardService',
          data: { action: 'IAM:*', service: 'iam' },
          line: 1,
          column: 58,
          endLine: 1,
          endColumn: 65,
        },
      ],
    },
    // A single statement object, not an array.
    {
      code: '{"Statement":{"Effect":"Allow","Action":["*:*","s3:**"],"Resource":"*"}}',
      errors: [
        {
          messageId: 'wildcardAction',
          data: { action: '*:*' },
          line: 1,
          column: 42,
          endLine: 1,
          endColumn: 47,
        },
        {
          messageId: 'wildcardService',
          data: { action: 's3:**', service: 's3' },
          line: 1,
          column: 48,
          endLine: 1,
          endColumn: 55,
        },
      ],
    },
    // A service part with literal characters limits the prefix: "s3*" is s3, s3express,
    // s3-object-lambda and the like, not every service.
    {
      code: '{"Statement":[{"Effect":"Allow","Action":["s3*:*","S?:*"],"Resource":"*"}]}',
      errors: [
        {
          messageId: 'wildcardService',
          data: { action: 's3*:*', service: 's3*' },
          line: 1,
          column: 43,
          endLine: 1,
          endColumn: 50,
        },
        {
          messageId: 'wildcardService',
          data: { action: 'S?:*', service: 's?' },
          line: 1,
          column: 51,
          endLine: 1,
          endColumn: 57,
        },
      ],
    },
    // "*:Get*" grants every Get action of every service, secretsmanager:GetSecretValue too.
    {
      code: `{"Statement":[{"Effect":"Allow","Action":["*:Get*","?*:GetSecretValue"],
"Resource":"*"}]}`,
      errors: [
        {
          messageId: 'wildcardServiceAction',
          data: { action: '*:Get*', name: 'Get*' },
          line: 1,
          column: 43,
          endLine: 1,
          endColumn: 51,
        },
        {
          messageId: 'wildcardServiceAction',
          data: { action: '?*:GetSecretValue', name: 'GetSecretValue' },
          line: 1,
          column: 52,
          endLine: 1,
          endColumn: 71,
        },
      ],
    },
    // A resource policy grants to a principal.
    {
      code: `{"Statement":[{"Effect":"Allow","Principal":{"AWS":"111122223333"},
"Action":"sqs:*","Resource":"*"}]}`,
      errors: [
        {
          messageId: 'wildcardService',
          data: { action: 'sqs:*', service: 'sqs' },
          line: 2,
          column: 10,
          endLine: 2,
          endColumn: 17,
        },
      ],
    },
    // With duplicate Action keys the last one is what IAM reads.
    {
      code: '{"Statement":[{"Effect":"Allow","Action":"*","Action":"ec2:*","Resource":"*"}]}',
      errors: [
        {
          messageId: 'wildcardService',
          data: { action: 'ec2:*', service: 'ec2' },
          line: 1,
          column: 55,
          endLine: 1,
          endColumn: 62,
        },
      ],
    },
  ],
});
