// The products switch under the catalogs path. The router prefers the most literal pattern, so
// `/api/v4/catalogs/products/settings` wins over `/api/v4/catalogs/:catalogId/elements`, and other
// methods on it answer 405 with `Allow: GET, PATCH`.

import type { Route } from '../http/router.js';
import { getProductsSettings, updateProductsSettings } from '../catalogs/products-settings.js';

export const productsSettingsRoutes: Route[] = [
  { method: 'GET', path: '/api/v4/catalogs/products/settings', handler: getProductsSettings },
  { method: 'PATCH', path: '/api/v4/catalogs/products/settings', handler: updateProductsSettings },
];
