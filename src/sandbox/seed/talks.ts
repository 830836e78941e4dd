// A few chat conversations on the first contacts, one about a lead, one closed, and subscribers on
// the first leads. Fixed rather than random, so adding them changed none of the other seeded data.

import type { SandboxStore } from '../store.js';
import { GROUP_IDS, SEED_EPOCH, USER_IDS } from './ids.js';

export const FIRST_TALK_ID = 501;

export function seedTalks(store: SandboxStore): void {
  const contacts = store.contacts.values().slice(0, 3);
  contacts.forEach((contact, index) => {
    const lead = store.links.linked({ type: 'contacts', id: contact.id }, 'leads')[0];
    const at = SEED_EPOCH - (3 - index) * 3_600;
    store.talks.put({
      id: FIRST_TALK_ID + index,
      created_at: at,
      updated_at: at + 600,
      rate: 0,
      contact_id: contact.id,
      chat_id: `6b1f2c3a-0000-4000-8000-00000000000${index}`,
      entity_id: index === 0 && lead ? lead.id : null,
      entity_type: index === 0 && lead ? 'lead' : null,
      is_in_work: index !== 2,
      is_read: index !== 1,
      origin: ['telegram', 'whatsapp', 'instagram'][index]!,
      missed_at: index === 1 ? at + 1_800 : null,
    });
  });
}

/** The first three live leads: two users; one user and a group; none. The first customer: one user. */
export function seedSubscriptions(store: SandboxStore): void {
  const [a, b] = store.leads.values().filter((lead) => !lead.is_deleted);
  if (a) store.subscriptions.set(a.id, [{ subscriber_id: USER_IDS.admin, type: 'user' }, { subscriber_id: USER_IDS.salesHead, type: 'user' }]);
  if (b) store.subscriptions.set(b.id, [{ subscriber_id: USER_IDS.salesHead, type: 'user' }, { subscriber_id: GROUP_IDS.retail, type: 'group' }]);
  const customer = store.customers.rows.values()[0];
  if (customer) store.customerSubscriptions.set(customer.id, [{ subscriber_id: USER_IDS.manager1, type: 'user' }]);
}
