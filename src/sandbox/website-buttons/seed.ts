// Two demo website buttons on the seeded sources: the site's button (trusted on demo-company.ru,
// with an online chat) and the callback widget's button, used in the mobile app only.

import type { SandboxStore } from '../store.js';

export function seedWebsiteButtons(store: SandboxStore): void {
  const base = { is_duplication_control_enabled: false, ready_at: 0, pending_websites: null, is_deleted: false } as const;
  const site = store.sources.get(11_001);
  const callback = store.sources.get(11_003);
  if (site) {
    store.websiteButtons.put({ ...base, id: site.id, button_id: 401_001, name: site.name, pipeline_id: site.pipeline_id, trusted_websites: ['demo-company.ru'], is_used_in_app: false, online_chat: { at: 0 } });
  }
  if (callback) {
    store.websiteButtons.put({ ...base, id: callback.id, button_id: 401_002, name: callback.name, pipeline_id: callback.pipeline_id, is_duplication_control_enabled: true, trusted_websites: [], is_used_in_app: true, online_chat: null });
  }
}
