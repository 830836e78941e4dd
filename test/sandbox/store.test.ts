import { describe, expect, it } from 'vitest';
import { createLinkIndex } from '../../src/sandbox/links.js';
import { createTable } from '../../src/sandbox/table.js';
import { startSandbox } from './helpers.js';

const lead = (id: number) => ({ type: 'leads' as const, id });
const contact = (id: number) => ({ type: 'contacts' as const, id });
const company = (id: number) => ({ type: 'companies' as const, id });

describe('tables', () => {
  it('iterate in ascending id order whatever the insertion order, and hand out the next id', () => {
    const table = createTable([{ id: 5 }, { id: 2 }], { firstId: 100 });
    table.put({ id: 9 });
    table.put({ id: 1 });
    expect(table.values().map((row) => row.id)).toEqual([1, 2, 5, 9]);
    expect([...table].map((row) => row.id)).toEqual([1, 2, 5, 9]);
    expect(table.nextId()).toBe(10);
    expect(createTable([], { firstId: 100 }).nextId()).toBe(100);
    expect(table.delete(5)).toBe(true);
    expect(table.has(5)).toBe(false);
    expect(table.size).toBe(3);
  });
});

describe('the link index', () => {
  it('answers a link from both sides', () => {
    const links = createLinkIndex();
    links.link(contact(7), lead(1));
    expect(links.linked(lead(1), 'contacts')).toEqual([{ id: 7, isMain: true }]);
    expect(links.linked(contact(7), 'leads')).toEqual([{ id: 1, isMain: true }]);
    expect(links.isLinked(lead(1), contact(7))).toBe(true);
  });

  it('keeps exactly one main contact per lead, promoting the lowest id when the main one leaves', () => {
    const links = createLinkIndex();
    links.link(lead(1), contact(30));
    links.link(lead(1), contact(20));
    links.link(lead(1), contact(10), { isMain: true });
    expect(links.linked(lead(1), 'contacts')).toEqual([
      { id: 10, isMain: true },
      { id: 20, isMain: false },
      { id: 30, isMain: false },
    ]);
    links.unlink(lead(1), contact(10));
    expect(links.linked(lead(1), 'contacts')).toEqual([
      { id: 20, isMain: true },
      { id: 30, isMain: false },
    ]);
  });

  it('gives a lead or a contact at most one company: linking another replaces it', () => {
    const links = createLinkIndex();
    links.link(lead(1), company(100));
    links.link(lead(1), company(200));
    expect(links.linked(lead(1), 'companies')).toEqual([{ id: 200, isMain: false }]);
    expect(links.linked(company(100), 'leads')).toEqual([]);
    links.link(contact(5), company(100));
    links.link(company(300), contact(5));
    expect(links.linked(contact(5), 'companies').map((item) => item.id)).toEqual([300]);
  });

  it('refuses links amoCRM has no place for', () => {
    expect(() => createLinkIndex().link(lead(1), lead(2))).toThrow(TypeError);
  });

  it('drops every link of a removed entity', () => {
    const links = createLinkIndex();
    links.link(lead(1), contact(2));
    links.link(contact(2), company(3));
    links.removeEntity(contact(2));
    expect(links.size).toBe(0);
    expect(links.linked(lead(1), 'contacts')).toEqual([]);
  });
});

describe('the sandbox store', () => {
  it('cascades links when a test drops a contact, and the API follows', async () => {
    const own = await startSandbox();
    try {
      const store = own.sandbox.store;
      const target = store.leads.values().find((row) => !row.is_deleted && store.links.linked({ type: 'leads', id: row.id }, 'contacts').length >= 2)!;
      const main = store.links.linked({ type: 'leads', id: target.id }, 'contacts')[0]!;
      expect(store.contacts.delete(main.id)).toBe(true);
      const { body } = await own.api(`/api/v4/leads/${target.id}?with=contacts`);
      const embedded = body._embedded.contacts as { id: number; is_main: boolean }[];
      expect(embedded.map((item) => item.id)).not.toContain(main.id);
      expect(embedded.filter((item) => item.is_main)).toHaveLength(1);
      expect((await own.api(`/api/v4/contacts/${main.id}`)).status).toBe(204);
    } finally {
      await own.close();
    }
  });

  it('serves rows a test adds', async () => {
    const own = await startSandbox();
    try {
      const store = own.sandbox.store;
      const template = store.companies.values()[0]!;
      const id = store.companies.nextId();
      store.companies.put({ ...template, id, name: 'Test Harness LLC', custom_fields_values: [], tag_ids: [], is_deleted: false });
      store.links.link({ type: 'companies', id }, { type: 'contacts', id: store.contacts.values()[0]!.id });
      const { body } = await own.api(`/api/v4/companies/${id}?with=contacts`);
      expect(body).toMatchObject({ id, name: 'Test Harness LLC', custom_fields_values: null });
      expect(body._embedded.contacts).toHaveLength(1);
    } finally {
      await own.close();
    }
  });
});
