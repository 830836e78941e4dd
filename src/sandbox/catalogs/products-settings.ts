// The products switch (`GET|PATCH /api/v4/catalogs/products/settings`), known from the official
// PHP SDK (`products()->settings()`/`updateSettings()`): one object, `{ is_enabled }`. amoCRM's
// public docs do not describe it, so the rest is the sandbox's reading: reading it needs access to
// lists like every lists method; turning products on or off is an account setting, so admins
// only (as the customers mode switch). The switch leaves the products catalog and its elements as
// they are: nothing documents what amoCRM does to them.

import type { RequestContext } from '../http/context.js';
import { requireAdmin } from '../http/admin.js';
import { hal, type Reply } from '../http/reply.js';
import { readFields } from '../notes/fields.js';
import { readObjectBody } from '../writes/body.js';
import { validateAll } from '../writes/issues.js';
import { requireCatalogAccess } from './access.js';

const render = (ctx: RequestContext) => ({ is_enabled: ctx.store.catalogs.products_settings.is_enabled });

export function getProductsSettings(ctx: RequestContext): Reply {
  requireCatalogAccess(ctx, 'reading the products settings');
  return hal(render(ctx));
}

export function updateProductsSettings(ctx: RequestContext): Reply {
  requireCatalogAccess(ctx, 'changing the products settings');
  requireAdmin(ctx, 'turning products on or off');
  const body = readObjectBody(ctx.body);
  // The one field is required: `{}` (what the SDK sends for an unset model) is a 400, not a no-op.
  const [enabled] = validateAll([body], (raw, _index, issues) => readFields(raw as Record<string, unknown>, issues).bool('is_enabled', { required: true }));
  ctx.store.catalogs.products_settings.is_enabled = enabled!;
  return hal(render(ctx));
}
