import rule from '../../rules/no-allow-not-action.js';
import { runRuleTests } from '../rule-tester.js';

runRuleTests(rule, {
  valid: [
    '{"Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}',
    // Deny with NotAction is the usual guard-rail pattern.
    '{"Statement":[{"Effect":"Deny","NotAction":["iam:*","sts:*"],"Resource":"*"}]}',
    // Permissions boundaries often allow everything but a list; they grant nothing alone.
    {
      code: '{"Statement":[{"Effect":"Allow","NotAction":"iam:*","Resource":"*"}]}',
      kind: 'boundary',
    },
  ],
  invalid: [
    // PowerUserAccess-style: everything except IAM, on every resource.
    {
      code: `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "NotAction": ["iam:*", "organizations:*"],
      "Resource": "*"
    }
  ]
}`,
      errors: [
        {
          messageId: 'allowNotActionOnAllResources',
          data: { actions: '["iam:*","organizations:*"]' },
          line: 6,
          column: 7,
          endLine: 6,
          endColumn: 18,
        },
      ],
    },
    // Scoped to one bucket: still everything but a list, reported as a warning.
    {
      code: `{"Statement":[{"Effect":"Allow","NotAction":"s3:DeleteBucket",
"Resource":"arn:aws:s3:::logs"}]}`,
      errors: [
        {
          messageId: 'allowNotAction',
          data: { actions: '["s3:DeleteBucket"]' },
          severity: 1,
          line: 1,
          column: 33,
          endLine: 1,
          endColumn: 44,
        },
      ],
    },
    // "*" inside a Resource list leaves the statement unscoped too.
    {
      code: `{"Statement":{"Effect":"Allow","NotAction":"iam:*",
"Resource":["arn:aws:s3:::logs","*"]}}`,
      errors: [
        {
          messageId: 'allowNotActionOnAllResources',
          data: { actions: '["iam:*"]' },
          line: 1,
          column: 32,
          endLine: 1,
          endColumn: 43,
        },
      ],
    },
  ],
});
