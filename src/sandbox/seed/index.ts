// Builds the demo account: fixed metadata, then companies, contacts and leads from one seeded
// PRNG in a fixed order, so a seed always gives identical data. Notes and tasks follow, each from
// its own PRNG derived from the same seed, so adding them changed none of the entities. The
// audit log is derived from the entities last.

import { seedCatalogs } from '../catalogs/seed.js';
import { seedOwnerValues } from './owner-values.js';
import { createRandom } from '../random.js';
import { createStore, type SandboxStore } from '../store.js';
import { seedCustomers } from '../customers/seed.js';
import { seedCompanies } from './companies.js';
import { seedContacts } from './contacts.js';
import { seedCustomFields } from './custom-fields.js';
import { seedFieldGroups } from './field-groups.js';
import { seedEvents } from './events.js';
import { seedLeads } from './leads.js';
import { demoAccount, seedMetadata } from './metadata.js';
import { seedNotes } from './notes.js';
import { seedTags } from './tags.js';
import { seedSubscriptions, seedTalks } from './talks.js';
import { seedTasks } from './tasks.js';
import { seedUnsorted } from './unsorted.js';
import { seedWebsiteButtons } from '../website-buttons/seed.js';
import { seedWidgets } from '../widgets/seed.js';

export interface SeedOptions {
  seed?: number;
  subdomain?: string;
}

export function seedDemoAccount(options: SeedOptions = {}): SandboxStore {
  const store = createStore(demoAccount(options.subdomain ?? 'demo'));
  seedMetadata(store);
  seedCustomFields(store);
  seedFieldGroups(store);
  seedTags(store);
  const seed = options.seed ?? 1;
  const random = createRandom(seed);
  const companies = seedCompanies(store, random);
  const contacts = seedContacts(store, random, companies);
  seedLeads(store, random, companies, contacts);
  seedNotes(store, seed);
  seedTasks(store, seed);
  seedUnsorted(store, seed);
  seedEvents(store);
  seedCustomers(store);
  seedCatalogs(store);
  seedOwnerValues(store);
  seedTalks(store);
  seedSubscriptions(store);
  seedWidgets(store);
  seedWebsiteButtons(store);
  return store;
}
