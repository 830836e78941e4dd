// /api/v4/catalogs/products/settings: the account's products switch (the SDK's `products` service,
// which has nothing else: products themselves are elements of the products catalog).

import type { SendFn } from '../request.js';
import { writeOne, type WriteParams } from './batch.js';

export interface ProductsSettings {
  is_enabled: boolean;
}

const PATH = '/api/v4/catalogs/products/settings';

export function createProductsResource(send: SendFn) {
  return {
    /** null when amoCRM answers without a body. */
    async settings(params: { signal?: AbortSignal } = {}): Promise<ProductsSettings | null> {
      const response = await send({ method: 'GET', path: PATH, signal: params.signal });
      return (response.data as ProductsSettings | undefined) ?? null;
    },
    /** Admins only; amoCRM answers the settings as they now are. */
    updateSettings: (body: ProductsSettings, params: WriteParams = {}) => writeOne<ProductsSettings>(send, { method: 'PATCH', path: PATH, body, ...params }),
  };
}
