// Currencies amoCRM knows (for monetary fields and the account's own), cached per account.

import type { Currency } from '../rest/types.js';
import { builder } from './builder.js';

const CurrencyRef = builder.objectRef<Currency>('Currency').implement({
  fields: (t) => ({
    code: t.exposeString('code', { description: 'ISO 4217, e.g. RUB, USD.' }),
    name: t.exposeString('name'),
    symbol: t.string({ nullable: true, resolve: (c) => c.symbol ?? null }),
  }),
});

builder.queryFields((t) => ({
  currencies: t.field({
    type: [CurrencyRef],
    nullable: true,
    description: 'The currencies amoCRM knows. Null, with an error, when amoCRM could not answer.',
    resolve: (_root, _args, ctx) => ctx.account.currencies(),
  }),
}));
