// The products switch is account-wide and rarely changes, so it is cached with the rest of the
// account's metadata; the mutation that changes it forgets this key.

import type { ProductsSettings } from '../rest/resources/products.js';
import type { AccountContext } from './account-context.js';

export const PRODUCTS_SETTINGS_KEY = 'products_settings';

export function productsSettings(account: AccountContext): Promise<ProductsSettings | null> {
  return account.metadata.get(PRODUCTS_SETTINGS_KEY, (signal) => account.client.products.settings({ signal }));
}
