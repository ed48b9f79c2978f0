import * as v from 'valibot';
import { envelope } from './envelope.ts';
import { knownValues } from './known-values.ts';
import { noEcho } from './no-echo.ts';
import { openEnum } from './open-enum.ts';

/** The kinds of resource a permission can be on (contract 7.5). */
export const resourceTypes = knownValues.ResourceType;

/** Resource type in a reply (open: unknown values are accepted). */
export const ResourceType = openEnum<typeof knownValues.ResourceType>();
/** @see {@link ResourceType} */
export type ResourceType = v.InferOutput<typeof ResourceType>;

/** Whether a policy allows or denies (contract 7.5). */
export const PolicyEffect = openEnum<typeof knownValues.PolicyEffect>();
/** @see {@link PolicyEffect} */
export type PolicyEffect = v.InferOutput<typeof PolicyEffect>;

/** Condition parameter of a policy (contract 7.7). */
export const PolicyConditionParam = openEnum<typeof knownValues.PolicyConditionParam>();
/** @see {@link PolicyConditionParam} */
export type PolicyConditionParam = v.InferOutput<typeof PolicyConditionParam>;

/** Condition operator of a policy (contract 7.7). */
export const PolicyConditionOperator = openEnum<typeof knownValues.PolicyConditionOperator>();
/** @see {@link PolicyConditionOperator} */
export type PolicyConditionOperator = v.InferOutput<typeof PolicyConditionOperator>;

/** A condition on a policy (contract 7.7). */
export const PolicyCondition = noEcho(
  v.looseObject({
    param: PolicyConditionParam,
    operator: PolicyConditionOperator,
    value: v.string(),
  }),
);
/** @see {@link PolicyCondition} */
export type PolicyCondition = v.InferOutput<typeof PolicyCondition>;

/** A resource a group is authorized on (contract 7.7). */
export const AuthorizedResourceDto = noEcho(
  v.looseObject({
    /** e.g. `ecs:1`. */
    resourceCode: v.string(),
    description: v.nullish(v.string()),
    condition: v.nullish(v.array(PolicyCondition)),
    /** The spec declares `default: null`, so `null` is accepted. */
    resourceType: v.nullish(ResourceType),
    /** The spec declares `default: null`: `null` for resources that are not APIs. */
    apiIdentifier: v.nullish(v.string()),
    /** e.g. `["ecs:Start", "ecs:Stop"]`. */
    actions: v.array(v.string()),
    effect: PolicyEffect,
  }),
);
/** @see {@link AuthorizedResourceDto} */
export type AuthorizedResourceDto = v.InferOutput<typeof AuthorizedResourceDto>;

/** Reply of `get-group-authorized-resources`. */
export const AuthorizedResourceListRespDto = envelope(v.array(AuthorizedResourceDto));
/** @see {@link AuthorizedResourceListRespDto} */
export type AuthorizedResourceListRespDto = v.InferOutput<typeof AuthorizedResourceListRespDto>;
