/**
 * Type tests of the generated date helpers (generated/src/dates.ts, through the package index):
 * the revived types have Date exactly where the spec says `format: date-time` and the wire types
 * everywhere else, and the helpers take and return them. Run by vitest's typecheck mode.
 */
import { describe, expectTypeOf, it } from 'vitest';
import {
  revivePlan,
  revivePlanList,
  reviveSubscriptionChange,
  serializeDates,
  serializePlan,
  serializeSubscriptionChange,
  type Plan,
  type PlanList,
  type Revived,
  type Serialized,
  type SubscriptionChange,
} from '../../generated/src/index.js';

describe('Revived', () => {
  it('has an entry for each schema that holds date-time strings, and no other', () => {
    expectTypeOf<keyof Revived>().toEqualTypeOf<
      | 'Plan'
      | 'PlanDocument'
      | 'Addon'
      | 'SubscriptionChange'
      | 'PlanList'
      | 'PlanDocumentList'
      | 'AddonList'
      | 'SubscriptionChangeList'
      | 'Sim'
    >();
  });

  it('Plan: createdAt is a Date, every other property keeps its wire type', () => {
    expectTypeOf<Revived['Plan']['createdAt']>().toEqualTypeOf<Date>();
    expectTypeOf<keyof Revived['Plan']>().toEqualTypeOf<keyof Plan>();
    expectTypeOf<Revived['Plan']['price']>().toEqualTypeOf<Plan['price']>();
    expectTypeOf<Revived['Plan']['description']>().toEqualTypeOf<Plan['description']>();
    expectTypeOf<Revived['Plan']['metadata']>().toEqualTypeOf<Plan['metadata']>();
  });

  it('SubscriptionChange: nullable and optional dates, and the plan and SIM revived', () => {
    type Change = Revived['SubscriptionChange'];
    expectTypeOf<Change['createdAt']>().toEqualTypeOf<Date>();
    expectTypeOf<Change['appliedAt']>().toEqualTypeOf<Date | null>();
    expectTypeOf<Change['completedAt']>().toEqualTypeOf<Date | null | undefined>();
    expectTypeOf<Change['plan']>().toEqualTypeOf<Revived['Plan'] | null>();
    expectTypeOf<Change['sim']>().toEqualTypeOf<Revived['Sim'] | null>();
    expectTypeOf<Change['status']>().toEqualTypeOf<SubscriptionChange['status']>();
    expectTypeOf<keyof Change>().toEqualTypeOf<keyof SubscriptionChange>();
  });

  it('PlanList: the items are revived plans, the cursors keep their wire types', () => {
    expectTypeOf<Revived['PlanList']['items']>().toEqualTypeOf<Revived['Plan'][]>();
    expectTypeOf<Revived['PlanList']['moreItemsAfter']>().toEqualTypeOf<
      PlanList['moreItemsAfter']
    >();
  });

  it('serializes back to exactly the wire type', () => {
    expectTypeOf<Serialized<Revived['Plan']>>().toExtend<Plan>();
    expectTypeOf<Plan>().toExtend<Serialized<Revived['Plan']>>();
    expectTypeOf<Serialized<Revived['SubscriptionChange']>>().toExtend<SubscriptionChange>();
  });
});

describe('the helpers', () => {
  it('revive the wire type into the revived type', () => {
    expectTypeOf(revivePlan).parameters.toEqualTypeOf<[value: Plan]>();
    expectTypeOf(revivePlan).returns.toEqualTypeOf<Revived['Plan']>();
    expectTypeOf(revivePlanList).returns.toEqualTypeOf<Revived['PlanList']>();
    expectTypeOf(reviveSubscriptionChange).returns.toEqualTypeOf<Revived['SubscriptionChange']>();
  });

  it('serialize the revived type into the wire type', () => {
    expectTypeOf(serializePlan).parameters.toEqualTypeOf<[value: Revived['Plan']]>();
    expectTypeOf(serializePlan).returns.toEqualTypeOf<Plan>();
    expectTypeOf(serializeSubscriptionChange).returns.toEqualTypeOf<SubscriptionChange>();
    expectTypeOf(serializeDates<{ at: Date; n: number }>).returns.toEqualTypeOf<{
      at: string;
      n: number;
    }>();
  });

  it('refuse the wrong form', () => {
    const plan = {} as Plan;
    const revived = revivePlan(plan);
    // @ts-expect-error a revived plan has a Date where the wire form has a string
    revivePlan(revived);
    // @ts-expect-error a wire plan has a string where the revived form has a Date
    serializePlan(plan);
    // @ts-expect-error createdAt is a Date now
    revived.createdAt.toUpperCase();
    expectTypeOf(revived.createdAt.getTime()).toEqualTypeOf<number>();
  });
});
