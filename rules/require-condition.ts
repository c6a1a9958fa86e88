/**
 * Flags Allow statements that match a requirement (a risky action, or a principal that
 * needs narrowing) but have no condition that pins one of the requirement's keys.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_passrole.html
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_create_for-idp_oidc.html
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/confused-deputy.html
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html
 */

import { createRule } from '../src/engine/rule.js';
import { patternMatches, statementCoversAction } from '../src/policy/actions.js';
import {
  type ConditionEntry,
  type ConditionValue,
  conditionEntries,
  pinsValue,
  requiresMatch,
} from '../src/policy/conditions.js';
import { hasWildcardInId, isBroadValue } from '../src/policy/condition-values.js';
import { type Statement, hasUnscopedResource, isAllow } from '../src/policy/document.js';
import { type JsonNode, propertyOf, rawText } from '../src/policy/json-node.js';
import {
  IDENTITY_GRANT_KINDS,
  POLICY_KINDS,
  PRINCIPAL_KINDS,
  type PolicyKind,
} from '../src/policy/kind.js';
import { type PrincipalEntry, principalEntries } from '../src/policy/principals.js';

export type MessageIds = 'missingCondition' | 'conditionTooBroad';

export interface PrincipalMatcher {
  type: 'AWS' | 'Service' | 'Federated';
  /** Wildcard patterns; a principal matches when one of them does. All when absent. */
  values?: string[];
  /** Wildcard patterns for principals that never need the condition. */
  except?: string[];
}

export interface Requirement {
  name: string;
  kinds: PolicyKind[];
  /** Action names (no wildcards); the statement must cover one of them. */
  actions?: string[];
  /** "unscoped": only statements with Resource "*". Default "any". */
  resources?: 'unscoped' | 'any';
  principals?: PrincipalMatcher;
  /** Condition keys, any one of which satisfies the requirement; `*` and `?` allowed. */
  conditionKeys: string[];
  /** A regular expression every value of the key must match. */
  valuePattern?: string;
  /** The condition block the message suggests, e.g. `{"StringEquals": {"k": "v"}}`. */
  example?: string;
  /** What the grant opens without the condition, completing "<value> ...". */
  risk?: string;
  /** The key is in every request the requirement covers, so `...IfExists` still narrows. */
  keyAlwaysPresent?: boolean;
}

const DEFAULT_RISK = 'matches a requirement';

export interface Options {
  requirements: Requirement[];
  useDefaults: boolean;
}

/**
 * Compute services that assume their own role to run the customer's code. Attaching the role
 * to an instance, function, task or pod takes iam:PassRole in the customer's own account, so
 * no other account can steer the service to it.
 */
const OWN_ROLE_SERVICES = [
  'ec2',
  'lambda',
  'edgelambda',
  'ecs-tasks',
  'eks',
  'eks-fargate-pods',
  'pods.eks',
].flatMap(service => [`${service}.amazonaws.com`, `${service}.amazonaws.com.cn`]);

/**
 * `repo:<owner>/`, or a first claim that identifies the owner or repository
 * (`repository_owner`, `repository_owner_id`, `repository`, `repository_id`,
 * `job_workflow_ref`, `enterprise`) with a value free of wildcards up to the next `:`.
 */
const GITHUB_SUBJECT_PATTERN =
  '^(repo:[^*?/:]+/|(repository(_owner)?(_id)?|job_workflow_ref|enterprise):[^*?:]+(:|$))';

const DEFAULT_REQUIREMENTS: readonly Requirement[] = [
  {
    name: 'passrole-passed-to-service',
    kinds: [...IDENTITY_GRANT_KINDS],
    actions: ['iam:PassRole'],
    resources: 'unscoped',
    conditionKeys: ['iam:PassedToService'],
    // Every PassRole request carries the key; AWS's own policies use StringEqualsIfExists.
    keyAlwaysPresent: true,
    risk: 'on Resource "*" lets this identity pass any role to any AWS service',
    example: '{"StringEquals": {"iam:PassedToService": "ec2.amazonaws.com"}}',
  },
  {
    name: 'github-oidc-subject',
    kinds: ['trust'],
    principals: { type: 'Federated', values: ['*token.actions.githubusercontent.com*'] },
    // GitHub Enterprise Cloud can use a per-enterprise issuer with its own key prefix.
    conditionKeys: [
      'token.actions.githubusercontent.com:sub',
      'token.actions.githubusercontent.com/*:sub',
    ],
    // A literal owner, `repo:my-org/my-repo:ref:refs/heads/main` or `repo:my-org/*`, or a
    // customised subject whose first claim names the owner or repository with a literal
    // value, `repository_owner_id:72520260:environment:prod`. A first claim such as
    // `environment:prod` or `ref:refs/heads/main` is the same in every repository that uses it.
    // https://docs.github.com/en/actions/security-for-github-actions/security-hardening-your-deployments/about-security-hardening-with-openid-connect#customizing-the-subject-claims-for-an-organization-or-repository
    valuePattern: GITHUB_SUBJECT_PATTERN,
    // Every GitHub token carries a subject.
    keyAlwaysPresent: true,
    risk: 'lets workflows of any GitHub repository assume this role',
    example:
      '{"StringEquals": {"token.actions.githubusercontent.com:sub": ' +
      '"repo:my-org/my-repo:ref:refs/heads/main"}}',
  },
  {
    name: 'service-principal-source',
    kinds: [...PRINCIPAL_KINDS],
    principals: { type: 'Service', except: OWN_ROLE_SERVICES },
    risk: 'acts for every AWS customer, so another account can aim it here (confused deputy)',
    conditionKeys: ['aws:SourceArn', 'aws:SourceAccount', 'aws:SourceOrgID', 'aws:SourceOrgPaths'],
    example: '{"StringEquals": {"aws:SourceAccount": "111122223333"}}',
  },
];

const PATTERN_LIST = { type: 'array', items: { type: 'string', minLength: 1 } } as const;

/** The verdict on a statement's conditions for one requirement. */
type ConditionVerdict =
  | { kind: 'satisfied' }
  | { kind: 'missing' }
  | { kind: 'tooBroad'; entry: ConditionEntry; node: JsonNode; problem: string };

/** Defaults first; a user entry with a default's name replaces that default. */
function activeRequirements(options: Options): Requirement[] {
  if (!options.useDefaults) return options.requirements;
  const own = new Set(options.requirements.map(requirement => requirement.name));
  const kept = DEFAULT_REQUIREMENTS.filter(requirement => !own.has(requirement.name));
  return [...kept, ...options.requirements];
}

/** `"*"` alone is the AWS wildcard principal written without a type. */
function principalMatches(entry: PrincipalEntry, matcher: PrincipalMatcher): boolean {
  const type = entry.type === '*' ? 'AWS' : entry.type;
  if (type !== matcher.type) return false;
  const matchesAny = (patterns: string[]) =>
    patterns.some(pattern => patternMatches(pattern, entry.value));
  if (matcher.values && !matchesAny(matcher.values)) return false;
  return !matchesAny(matcher.except ?? []);
}

/** The Action value that covers one of the actions, or the NotAction key that lets it in. */
function actionNode(statement: Statement, actions: string[]): JsonNode | undefined {
  if (!actions.some(action => statementCoversAction(statement, action))) return undefined;
  if (statement.action) {
    const covering = statement.action.strings.find(pattern =>
      actions.some(action => patternMatches(pattern.value, action)),
    );
    return covering?.node;
  }
  return statement.notAction?.key;
}

/**
 * Where the statement matches the requirement: the first matching principal value, else the
 * action that covers a listed action, else the Effect. Undefined when it does not match.
 */
function matchLocation(statement: Statement, requirement: Requirement): JsonNode | undefined {
  // TODO: NotResource with a short exclusion list is nearly as open as "*" but is not checked.
  if (requirement.resources === 'unscoped' && !hasUnscopedResource(statement)) return undefined;

  const { principals, actions } = requirement;
  const principal = principals
    ? principalEntries(statement.principal).find(entry => principalMatches(entry, principals))
    : undefined;
  if (principals && principal === undefined) return undefined;

  const action = actions ? actionNode(statement, actions) : undefined;
  if (actions && action === undefined) return undefined;

  return principal?.node ?? action ?? propertyOf(statement.node, 'Effect')?.value;
}

function compileValuePattern(requirement: Requirement): RegExp | undefined {
  if (requirement.valuePattern === undefined) return undefined;
  try {
    return new RegExp(requirement.valuePattern, 'u');
  } catch {
    // The engine turns a throw into a finding that names the rule; say what to fix.
    throw new Error(
      `requirement "${requirement.name}" has an invalid valuePattern ` +
        `${JSON.stringify(requirement.valuePattern)}`,
    );
  }
}

/** Why a value fails the requirement, or undefined when it narrows the grant. */
function valueProblem(
  entry: ConditionEntry,
  value: ConditionValue['value'],
  pattern: RegExp | undefined,
  requirement: Requirement,
): string | undefined {
  if (isBroadValue(entry, value)) {
    if (/^[*?]*$/u.test(String(value))) return 'it matches any value';
    if (hasWildcardInId(entry, value)) return "a wildcard in an id matches other owners' ids";
    return 'it matches nearly any value';
  }
  if (pattern && !pattern.test(String(value))) {
    return `it does not match ${requirement.valuePattern}`;
  }
  return undefined;
}

function judgeConditions(
  statement: Statement,
  requirement: Requirement,
  pattern: RegExp | undefined,
): ConditionVerdict {
  const relevant = conditionEntries(statement).filter(
    entry =>
      requiresMatch(entry, requirement) &&
      requirement.conditionKeys.some(key => patternMatches(key, entry.key)),
  );

  const narrows = (entry: ConditionEntry) =>
    pinsValue(entry, requirement) &&
    entry.values.every(item => !valueProblem(entry, item.value, pattern, requirement));
  // Keys under different operators are AND-ed, so one narrowing entry is enough.
  if (relevant.some(narrows)) return { kind: 'satisfied' };

  for (const entry of relevant) {
    for (const item of entry.values) {
      const problem = valueProblem(entry, item.value, pattern, requirement);
      if (problem) return { kind: 'tooBroad', entry, node: item.node, problem };
    }
  }
  return { kind: 'missing' };
}

/** "a", "a or b", "a, b or c". */
function listOr(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`;
}

function exampleOf(requirement: Requirement): string {
  const [firstKey = '<key>'] = requirement.conditionKeys;
  return requirement.example ?? `{"StringEquals": {"${firstKey}": "<expected value>"}}`;
}

export default createRule<MessageIds, Options>({
  id: 'require-condition',
  meta: {
    description:
      'Require condition keys that narrow risky grants, such as `iam:PassedToService` on ' +
      '`iam:PassRole`',
    kinds: POLICY_KINDS,
    defaultSeverity: 'error',
    messages: {
      missingCondition:
        '{{value}} {{risk}}, and no condition requires {{keys}} to match ({{name}}). ' +
        'Add one with a specific value, e.g. "Condition": {{example}}.',
      conditionTooBroad:
        'Value {{value}} of condition key "{{key}}" is too broad: {{problem}} ({{name}}). ' +
        'Use a specific value, e.g. "Condition": {{example}}.',
    },
    schema: {
      type: 'object',
      properties: {
        requirements: {
          type: 'array',
          description: 'Requirements to check in addition to (or instead of) the defaults.',
          items: {
            type: 'object',
            properties: {
              name: {
                type: 'string',
                minLength: 1,
                description: 'Shown in messages; a default\'s name replaces that default.',
              },
              kinds: {
                type: 'array',
                items: { type: 'string', enum: POLICY_KINDS },
                minItems: 1,
                description: 'The policy kinds the requirement applies to.',
              },
              actions: {
                type: 'array',
                items: { type: 'string', pattern: '^[A-Za-z0-9-]+:[A-Za-z0-9]+$' },
                minItems: 1,
                description: 'Action names without wildcards; the statement must cover one.',
              },
              resources: {
                type: 'string',
                enum: ['unscoped', 'any'],
                description: '"unscoped" limits the requirement to Resource "*".',
              },
              principals: {
                type: 'object',
                properties: {
                  type: {
                    type: 'string',
                    enum: ['AWS', 'Service', 'Federated'],
                    description: 'The principal type to match.',
                  },
                  values: {
                    ...PATTERN_LIST,
                    minItems: 1,
                    description: 'Principal patterns to match.',
                  },
                  except: { ...PATTERN_LIST, description: 'Principal patterns to skip.' },
                },
                required: ['type'],
                additionalProperties: false,
                description: 'Match statements by principal instead of, or as well as, action.',
              },
              conditionKeys: {
                ...PATTERN_LIST,
                minItems: 1,
                description: 'Condition keys, any one of which satisfies the requirement.',
              },
              valuePattern: {
                type: 'string',
                minLength: 1,
                format: 'regex',
                description: 'A regular expression every value of the key must match.',
              },
              example: {
                type: 'string',
                minLength: 1,
                description: 'The condition block to suggest in messages.',
              },
              keyAlwaysPresent: {
                type: 'boolean',
                description: 'The key is in every request covered, so ...IfExists still counts.',
              },
              risk: {
                type: 'string',
                minLength: 1,
                description: 'What the grant opens without the condition, after the value.',
              },
            },
            required: ['name', 'kinds', 'conditionKeys'],
            additionalProperties: false,
          },
        },
        useDefaults: {
          type: 'boolean',
          description: 'Keep the built-in requirements; false checks only `requirements`.',
        },
      },
      additionalProperties: false,
    },
    defaultOptions: { requirements: [], useDefaults: true },
    recommended: true,
  },

  check({ document, options, report }) {
    const requirements = activeRequirements(options)
      .filter(requirement => requirement.kinds.includes(document.kind))
      .map(requirement => ({ requirement, pattern: compileValuePattern(requirement) }));
    const text = (node: JsonNode) => rawText(document.source.text, node);

    for (const statement of document.statements) {
      // Skip Deny and malformed effects: a condition there only narrows a denial.
      if (!isAllow(statement)) continue;

      for (const { requirement, pattern } of requirements) {
        const location = matchLocation(statement, requirement);
        // Skip statements the requirement does not describe.
        if (location === undefined) continue;

        const verdict = judgeConditions(statement, requirement, pattern);
        // Skip statements whose conditions already narrow the grant.
        if (verdict.kind === 'satisfied') continue;

        const name = requirement.name;
        const example = exampleOf(requirement);
        if (verdict.kind === 'missing') {
          const keys = listOr(requirement.conditionKeys);
          const risk = requirement.risk ?? DEFAULT_RISK;
          const data = { name, value: text(location), risk, keys, example };
          report(location, 'missingCondition', data);
          continue;
        }
        const { entry, node, problem } = verdict;
        const data = { name, value: text(node), key: entry.key, problem, example };
        report(node, 'conditionTooBroad', data);
      }
    }
  },
});
