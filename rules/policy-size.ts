/**
 * Flags policies longer than the size quota of their kind, counted the way AWS counts them.
 * IAM quotas, whitespace not counted:
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html
 * Organizations quotas, every character sent counted:
 * https://docs.aws.amazon.com/organizations/latest/userguide/orgs_reference_limits.html
 * Session policies, plaintext characters (the Policy parameter):
 * https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html
 */

import { type MessageData, type ReportTarget, createRule } from '../src/engine/rule.js';
import type { PolicyDocument } from '../src/policy/document.js';
import { propertyOf } from '../src/policy/json-node.js';
import { POLICY_KINDS, type PolicyKind } from '../src/policy/kind.js';
import { type CharacterCounts, countCharacters } from '../src/policy/size.js';

export type MessageIds =
  | 'sizeExceeded'
  | 'boundarySizeExceeded'
  | 'inlineSizeExceeded'
  | 'trustSizeExceeded'
  | 'sizeAmbiguous'
  | 'organizationsSizeExceeded'
  | 'sessionSizeExceeded'
  | 'resourceSizeExceeded'
  | 'sizeIndented';

export interface Options {
  limits: Partial<Record<PolicyKind, number>>;
  minifiedBeforeUpload: boolean;
}

/** Quotas in characters. Resource policies have one per service, so none by default. */
const DEFAULT_LIMITS: Partial<Record<PolicyKind, number>> = {
  'managed': 6144,
  'boundary': 6144,
  'inline-user': 2048,
  'inline-group': 5120,
  'inline-role': 10240,
  'trust': 2048,
  'session': 2048,
  'scp': 10240,
  'rcp': 5120,
};

const KIND_NAMES: Record<PolicyKind, string> = {
  'managed': 'managed policy',
  'boundary': 'permissions boundary',
  'inline-user': 'inline user policy',
  'inline-group': 'inline group policy',
  'inline-role': 'inline role policy',
  'trust': 'role trust policy',
  'resource': 'resource policy',
  'scp': 'SCP',
  'rcp': 'RCP',
  'session': 'session policy',
};

/** Kinds that IAM measures without whitespace. */
const IAM_KINDS = new Set<PolicyKind>([
  'managed',
  'boundary',
  'inline-user',
  'inline-group',
  'inline-role',
  'trust',
]);

const INLINE_IDENTITIES: Partial<Record<PolicyKind, string>> = {
  'inline-user': 'user',
  'inline-group': 'group',
  'inline-role': 'role',
};

/** A fixed locale, so the numbers in messages do not depend on the machine running iamlint. */
const NUMBER_FORMAT = new Intl.NumberFormat('en-US');

const LIMIT_DESCRIPTIONS: Record<PolicyKind, string> = {
  'managed': 'Customer managed policy limit, characters without whitespace (default 6144).',
  'boundary': 'Permissions boundary limit, characters without whitespace (default 6144).',
  'inline-user': 'Inline user policy limit, characters without whitespace (default 2048).',
  'inline-group': 'Inline group policy limit, characters without whitespace (default 5120).',
  'inline-role': 'Inline role policy limit, characters without whitespace (default 10240).',
  'trust': 'Role trust policy limit, characters without whitespace (default 2048; ' +
    'raise it after a quota increase, at most 8192).',
  'resource': 'Resource policy limit, characters as written (no default: it depends on ' +
    'the service).',
  'scp': 'SCP limit, characters as written (default 10240).',
  'rcp': 'RCP limit, characters as written (default 5120).',
  'session': 'Session policy limit, characters as written (default 2048).',
};

const limitProperties = Object.fromEntries(
  POLICY_KINDS.map(kind => [
    kind,
    { type: 'integer' as const, minimum: 1, description: LIMIT_DESCRIPTIONS[kind] },
  ]),
);

export default createRule<MessageIds, Options>({
  id: 'policy-size',
  meta: {
    description: 'Enforce the size quota of each policy kind, counted as AWS counts it',
    kinds: POLICY_KINDS,
    defaultSeverity: 'error',
    messages: {
      sizeExceeded:
        'The {{kind}} is {{count}} / {{limit}} characters (whitespace excluded), over the ' +
        'size quota. Split its statements across two or more managed policies.',
      boundarySizeExceeded:
        'The {{kind}} is {{count}} / {{limit}} characters (whitespace excluded), over the ' +
        'size quota. A user or role takes only one boundary, so shorten it, e.g. by merging ' +
        'statements that share Effect, Resource and Condition.',
      inlineSizeExceeded:
        'The {{kind}} is {{count}} / {{limit}} characters (whitespace excluded), over the ' +
        'quota that all inline policies of one {{identity}} share. Move statements into a ' +
        'customer managed policy and attach it to the {{identity}} instead.',
      trustSizeExceeded:
        'The {{kind}} is {{count}} / {{limit}} characters (whitespace excluded), over the ' +
        'size quota. Shorten it, or request a raised "Role trust policy length" quota ' +
        '(up to 8,192) in Service Quotas and raise the trust limit in iamlint to match.',
      sizeAmbiguous:
        'The {{kind}} is {{count}} / {{limit}} characters (whitespace between elements ' +
        'excluded) and {{stripped}} without the whitespace inside strings; AWS does not ' +
        'document whether that whitespace counts. Remove spaces from string values or ' +
        'shorten the policy to be sure it fits.',
      organizationsSizeExceeded:
        'The {{kind}} is {{count}} / {{limit}} characters ({{unit}}), over the size quota. ' +
        'Split its statements across two or more policies attached to the same target.',
      sessionSizeExceeded:
        'The {{kind}} is {{count}} / {{limit}} characters ({{unit}}), over the plaintext ' +
        'quota. Move statements into managed policies and pass their ARNs in PolicyArns.',
      resourceSizeExceeded:
        'The {{kind}} is {{count}} / {{limit}} characters ({{unit}}), over the configured ' +
        'limit. Shorten it, e.g. by merging statements that share Principal, Effect and ' +
        'Condition.',
      sizeIndented:
        'The {{kind}} is {{count}} / {{limit}} characters (whitespace included), over the ' +
        'limit, but {{compact}} once minified; the API counts every character sent. ' +
        'Minify it before upload, and set minifiedBeforeUpload if your pipeline does.',
    },
    advisoryMessages: ['sizeAmbiguous'],
    schema: {
      type: 'object',
      properties: {
        limits: {
          type: 'object',
          description: 'Size limits by policy kind, replacing the AWS defaults, ' +
            'e.g. {"trust": 4096} after a quota increase.',
          properties: limitProperties,
          additionalProperties: false,
        },
        minifiedBeforeUpload: {
          type: 'boolean',
          description: 'SCPs, RCPs, session and resource policies are minified before ' +
            'upload, so whitespace between elements does not count.',
        },
      },
      additionalProperties: false,
    },
    defaultOptions: { limits: {}, minifiedBeforeUpload: false },
    recommended: true,
  },

  check({ document, options, report }) {
    const { kind, node, source } = document;
    const limit = options.limits[kind] ?? DEFAULT_LIMITS[kind];
    // Skip resource policies without a configured limit: each service sets its own.
    if (limit === undefined) return;

    // TODO: Inline quotas cover the sum of all inline policies of one user, group or role,
    // which needs the owning identity that only containers such as CloudFormation provide,
    // so until extraction records it each document is measured alone.
    const counts = countCharacters(source.text, node.offset, node.offset + node.length);
    const finding = IAM_KINDS.has(kind)
      ? judgeIamSize(kind, counts, limit)
      : judgeSentSize(kind, counts, limit, options.minifiedBeforeUpload);
    // Skip documents within their limit.
    if (finding === undefined) return;

    report(reportTarget(document), finding.messageId, finding.data);
  },
});

interface SizeFinding {
  messageId: MessageIds;
  data: MessageData;
}

/** IAM leaves whitespace out; whether that includes whitespace in strings is undocumented. */
function judgeIamSize(
  kind: PolicyKind,
  { compact, stripped }: CharacterCounts,
  limit: number,
): SizeFinding | undefined {
  const data = { kind: KIND_NAMES[kind], count: format(stripped), limit: format(limit) };
  if (stripped > limit) {
    const identity = INLINE_IDENTITIES[kind];
    if (identity !== undefined) {
      return { messageId: 'inlineSizeExceeded', data: { ...data, identity } };
    }
    if (kind === 'trust') return { messageId: 'trustSizeExceeded', data };
    if (kind === 'boundary') return { messageId: 'boundarySizeExceeded', data };
    return { messageId: 'sizeExceeded', data };
  }

  // Skip policies that fit even if AWS counts the whitespace inside values.
  if (compact <= limit) return undefined;
  return {
    messageId: 'sizeAmbiguous',
    data: { ...data, count: format(compact), stripped: format(stripped) },
  };
}

/** Organizations and STS keep the text as sent, whitespace included. */
function judgeSentSize(
  kind: PolicyKind,
  { asWritten, compact }: CharacterCounts,
  limit: number,
  minifiedBeforeUpload: boolean,
): SizeFinding | undefined {
  const count = minifiedBeforeUpload ? compact : asWritten;
  // Skip policies within the limit.
  if (count <= limit) return undefined;

  const kindName = KIND_NAMES[kind];
  if (!minifiedBeforeUpload && compact <= limit) {
    return {
      messageId: 'sizeIndented',
      data: {
        kind: kindName,
        count: format(count),
        limit: format(limit),
        compact: format(compact),
      },
    };
  }

  const data = {
    kind: kindName,
    count: format(count),
    limit: format(limit),
    unit: minifiedBeforeUpload ? 'minified' : 'whitespace included',
  };
  if (kind === 'session') return { messageId: 'sessionSizeExceeded', data };
  if (kind === 'resource') return { messageId: 'resourceSizeExceeded', data };
  return { messageId: 'organizationsSizeExceeded', data };
}

/** The Statement key names what to split; a policy without one gets its opening brace. */
function reportTarget(document: PolicyDocument): ReportTarget {
  const statement = propertyOf(document.node, 'Statement');
  if (statement !== undefined) return statement.key;
  return { start: document.node.offset, end: document.node.offset + 1 };
}

function format(count: number): string {
  return NUMBER_FORMAT.format(count);
}
