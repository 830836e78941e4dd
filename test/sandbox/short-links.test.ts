import { describe, expect, it } from 'vitest';
import { useFreshSandbox } from './helpers.js';

const running = useFreshSandbox();

const store = () => running().sandbox.store;

describe('/api/v4/short_links', () => {
  it('makes one short link per contact, in the order sent', async () => {
    const [a, b] = store().contacts.values();
    const response = await running().api('/api/v4/short_links', {
      method: 'POST',
      body: [
        { url: 'https://example.test/offer', metadata: { entity_type: 'contacts', entity_id: a!.id } },
        { url: 'https://example.test/offer', metadata: { entity_id: b!.id } },
      ],
    });
    expect(response.status).toBe(200);
    const links = response.body._embedded.short_links;
    expect(links.map((link: any) => link.metadata.entity_id)).toEqual([a!.id, b!.id]);
    expect(links[0].url).not.toBe(links[1].url);
    expect(store().shortLinks.values().map((row) => [row.url, row.short_url, row.entity_id])).toEqual([
      ['https://example.test/offer', links[0].url, a!.id],
      ['https://example.test/offer', links[1].url, b!.id],
    ]);
  });

  it('refuses a bad URL, a lead, or an unknown contact, by position, and makes nothing', async () => {
    const contact = store().contacts.values()[0]!;
    const response = await running().api('/api/v4/short_links', {
      method: 'POST',
      body: [
        { url: 'https://example.test', metadata: { entity_id: contact.id } },
        { url: 'not a url', metadata: { entity_id: contact.id } },
        { url: 'https://example.test', metadata: { entity_type: 'leads', entity_id: 1 } },
        { url: 'https://example.test', metadata: { entity_id: 999_999_999 } },
        { url: 'https://example.test' },
      ],
    });
    expect(response.status).toBe(400);
    expect(response.body['validation-errors'].map((item: any) => [item.request_id, item.errors.map((e: any) => `${e.code} ${e.path}`)])).toEqual([
      ['1', ['InvalidType url']],
      ['2', ['NotSupportedChoice metadata.entity_type', 'NotFound metadata.entity_id']],
      ['3', ['NotFound metadata.entity_id']],
      ['4', ['NotBlank metadata']],
    ]);
    expect(store().shortLinks.size).toBe(0);
  });
});
