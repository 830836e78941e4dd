// GET /api/v4/currencies: the currencies amoCRM knows (for monetary fields and the account's own
// currency), paged with totals. A fixed list: it is amoCRM's, not the account's.

import { countedPage } from '../http/hal.js';
import { readPaging } from '../http/paging.js';
import type { Route } from '../http/router.js';

export const CURRENCIES = [
  { code: 'RUB', name: 'Российский рубль', symbol: '₽' },
  { code: 'USD', name: 'US Dollar', symbol: '$' },
  { code: 'EUR', name: 'Euro', symbol: '€' },
  { code: 'KZT', name: 'Казахстанский тенге', symbol: '₸' },
  { code: 'BYN', name: 'Белорусский рубль', symbol: 'Br' },
  { code: 'UAH', name: 'Українська гривня', symbol: '₴' },
  { code: 'GBP', name: 'Pound Sterling', symbol: '£' },
  { code: 'BRL', name: 'Real brasileiro', symbol: 'R$' },
  { code: 'MXN', name: 'Peso mexicano', symbol: '$' },
  { code: 'TRY', name: 'Türk lirası', symbol: '₺' },
] as const;

export const currencyRoutes: Route[] = [
  {
    method: 'GET',
    path: '/api/v4/currencies',
    handler: (ctx) => countedPage(ctx, 'currencies', CURRENCIES, readPaging(ctx), (currency) => ({ ...currency })),
  },
];
