// Builds the demo account: fixed metadata, then companies, contacts and leads from one seeded
// PRNG in a fixed order, so a seed always gives identical data.

import { createRandom } from '../random.js';
import { createStore, type SandboxStore } from '../store.js';
import { seedCompanies } from './companies.js';
import { seedContacts } from './contacts.js';
import { seedCustomFields } from './custom-fields.js';
import { seedLeads } from './leads.js';
import { demoAccount, seedMetadata } from './metadata.js';
import { seedTags } from './tags.js';

export interface SeedOptions {
  seed?: number;
  subdomain?: string;
}

export function seedDemoAccount(options: SeedOptions = {}): SandboxStore {
  const store = createStore(demoAccount(options.subdomain ?? 'demo'));
  seedMetadata(store);
  seedCustomFields(store);
  seedTags(store);
  const random = createRandom(options.seed ?? 1);
  const companies = seedCompanies(store, random);
  const contacts = seedContacts(store, random, companies);
  seedLeads(store, random, companies, contacts);
  return store;
}
