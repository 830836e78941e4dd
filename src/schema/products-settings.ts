// The account's products switch (the SDK's `products` service: `settings()`/`updateSettings()`
// over /api/v4/catalogs/products/settings). Products themselves are the elements of the products
// catalog (`catalogs(type: PRODUCTS)`). The switch is cached with the account metadata.

import type { ItemOutcome } from '../loaders/batch-write.js';
import { PRODUCTS_SETTINGS_KEY, productsSettings } from '../loaders/products-settings.js';
import type { ProductsSettings } from '../rest/resources/products.js';
import { builder } from './builder.js';
import { CATALOGS_LIMITATION } from './catalog.js';
import { single } from './customer-mutations.js';
import { explainLimit } from './limits.js';
import { errorsOf, statusOf, WriteErrorRef, WriteStatus } from './write-results.js';

const ADMIN_LIMITATION = 'turning products on or off is for account administrators only';

const ProductsSettingsRef = builder.objectRef<ProductsSettings>('ProductsSettings').implement({
  description: "The account's products switch: whether the products feature (the products catalog on leads) is on.",
  fields: (t) => ({
    isEnabled: t.exposeBoolean('is_enabled'),
  }),
});

builder.queryFields((t) => ({
  productsSettings: t.field({
    type: ProductsSettingsRef,
    nullable: true,
    description: 'Whether products are on in this account; null if amoCRM answers nothing. For users with access to lists: amoCRM answers others 403.',
    resolve: (_root, _args, ctx) => explainLimit(productsSettings(ctx.account), CATALOGS_LIMITATION),
  }),
}));

const UpdateProductsSettingsInput = builder.inputType('UpdateProductsSettingsInput', {
  fields: (t) => ({
    isEnabled: t.boolean({ required: true, description: 'Turns products on (true) or off (false).' }),
  }),
});

const UpdateProductsSettingsPayload = builder.objectRef<ItemOutcome<ProductsSettings>>('UpdateProductsSettingsPayload').implement({
  description: 'What amoCRM did with the switch: SUCCEEDED with the settings it answered, or FAILED/UNKNOWN with the errors.',
  fields: (t) => ({
    status: t.field({ type: WriteStatus, resolve: (outcome) => statusOf(outcome) }),
    errors: t.field({ type: [WriteErrorRef], resolve: (outcome) => errorsOf(outcome) }),
    productsSettings: t.field({
      type: ProductsSettingsRef,
      nullable: true,
      description: 'The settings as amoCRM answered the write.',
      resolve: (outcome) => (outcome.status === 'succeeded' ? outcome.value : null),
    }),
  }),
});

builder.mutationFields((t) => ({
  updateProductsSettings: t.field({
    type: UpdateProductsSettingsPayload,
    description: 'Turns products on or off in this account. Admin only: amoCRM refuses anyone else (403, reported in `errors`). The products catalog and its elements stay as they are.',
    args: { input: t.arg({ type: UpdateProductsSettingsInput, required: true }) },
    resolve: async (_root, args, ctx) => {
      const body = { is_enabled: args.input.isEnabled };
      try {
        const outcome = await single(async () => (await ctx.upstream.products.updateSettings(body, { signal: ctx.upstream.scope?.signal })) ?? body);
        if (outcome.status !== 'failed' || outcome.errors[0]?.code !== 'AMOCRM_FORBIDDEN') return outcome;
        return { ...outcome, errors: outcome.errors.map((error) => ({ ...error, message: `${error.message}: ${ADMIN_LIMITATION}` })) };
      } finally {
        // Even a refused or unanswered write may have changed it: read it again next time.
        ctx.account.metadata.invalidate(PRODUCTS_SETTINGS_KEY);
      }
    },
  }),
}));
