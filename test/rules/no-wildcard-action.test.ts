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
    // NotAction is no-allow-not-action's business.
    '{"Statement":[{"Effect":"Allow","NotAction":"*","Resource":"*"}]}',
  ],
  invalid: [
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
