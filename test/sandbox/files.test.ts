import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ListeningServer } from '../../src/sandbox/index.js';
import { FIRST_LEAD_ID } from '../../src/sandbox/seed/ids.js';
import { startSandbox, type RunningSandbox } from './helpers.js';

let running: RunningSandbox;
let drive: ListeningServer;
beforeEach(async () => {
  running = await startSandbox();
  drive = await running.sandbox.listenDrive();
  // Small parts, so a few KiB take several calls.
  running.sandbox.store.drive.limits.maxPartSize = 1024;
});
afterEach(async () => {
  await drive.close();
  await running.close();
});

const bytesOf = (size: number) => Buffer.from(Array.from({ length: size }, (_, i) => (i * 31 + 7) % 256));

async function call(url: string, init: { method?: string; body?: unknown; bytes?: Buffer; token?: string | null; contentType?: string } = {}) {
  const token = init.token === undefined ? running.sandbox.token : init.token;
  const response = await fetch(url.startsWith('http') ? url : `${drive.url}${url}`, {
    method: init.method ?? 'GET',
    headers: {
      ...(token === null ? {} : { authorization: `Bearer ${token}` }),
      ...(init.body !== undefined ? { 'content-type': 'application/json' } : init.bytes ? { 'content-type': init.contentType ?? 'application/octet-stream' } : {}),
    },
    body: init.bytes ? new Uint8Array(init.bytes) : init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const text = await response.text();
  return { status: response.status, body: text && /json/.test(response.headers.get('content-type') ?? '') ? JSON.parse(text) : undefined, text };
}

async function upload(name: string, bytes: Buffer, contentType = 'text/plain') {
  const session = await call('/v1.0/sessions', { method: 'POST', body: { file_name: name, file_size: bytes.length, content_type: contentType } });
  expect(session.status).toBe(200);
  let url: string = session.body.upload_url;
  const statuses: number[] = [];
  for (let offset = 0; ; offset += 1024) {
    const answer = await call(url, { method: 'POST', bytes: bytes.subarray(offset, offset + 1024), contentType });
    statuses.push(answer.status);
    if (!answer.body.next_url) return { file: answer.body, statuses };
    url = answer.body.next_url;
  }
}

describe('the drive host', () => {
  it('serves on its own origin and points the account drive_url at it; the API host has no files API', async () => {
    const account = await running.api('/api/v4/account?with=drive_url');
    expect(account.body.drive_url).toBe(drive.url);
    expect(drive.url).not.toBe(running.url);
    expect((await running.api('/v1.0/files')).status).toBe(404);
    expect((await call(`${drive.url}/api/v4/leads`)).status).toBe(404);
    expect((await call('/v1.0/files', { token: null })).status).toBe(401);
    expect((await call('/v1.0/files', { token: 'wrong' })).status).toBe(401);
  });

  it('takes a file in parts: 202 with next_url until the last part answers the file, bytes kept exactly', async () => {
    const bytes = bytesOf(2500);
    const session = await call('/v1.0/sessions', { method: 'POST', body: { file_name: 'отчёт.txt', file_size: bytes.length, content_type: 'text/plain' } });
    expect(session.body).toMatchObject({ max_file_size: 314_572_800, max_part_size: 1024, session_id: expect.any(Number) });
    expect(session.body.upload_url.startsWith(`${drive.url}/v1.0/sessions/upload/`)).toBe(true);
    const { file, statuses } = await upload('отчёт.txt', bytes);
    expect(statuses).toEqual([202, 202, 200]);
    expect(file).toMatchObject({ name: 'отчёт.txt', size: 2500, type: 'document', is_trashed: false, metadata: { extension: 'txt', mime_type: 'text/plain' } });
    expect(file._links.download.href.startsWith(`${drive.url}/download/${file.uuid}/`)).toBe(true);
    const stored = running.sandbox.store.drive.files.get(file.uuid)!;
    expect(Buffer.compare(stored.versions[0]!.bytes, bytes)).toBe(0);
    const downloaded = await fetch(file._links.download_version.href, { headers: { authorization: `Bearer ${running.sandbox.token}` } });
    expect(Buffer.compare(Buffer.from(await downloaded.arrayBuffer()), bytes)).toBe(0);
    // The log never keeps an upload token.
    expect(running.sandbox.log.entries().filter((entry) => entry.path.startsWith('/v1.0/sessions/upload')).map((entry) => entry.path)).toEqual(Array(3).fill('/v1.0/sessions/upload/:token'));
  });

  it('refuses oversize files and parts, used part URLs and overfull sessions, and writes nothing', async () => {
    expect((await call('/v1.0/sessions', { method: 'POST', body: { file_name: 'big.bin', file_size: 314_572_801 } })).status).toBe(400);
    expect((await call('/v1.0/sessions', { method: 'POST', body: { file_name: '', file_size: 10 } })).status).toBe(400);
    expect((await call('/v1.0/sessions', { method: 'POST', body: { file_name: 'x', file_size: 10, file_uuid: 'nope' } })).status).toBe(400);
    running.sandbox.store.drive.limits.quotaBytes = 100;
    expect((await call('/v1.0/sessions', { method: 'POST', body: { file_name: 'x', file_size: 101 } })).status).toBe(402);
    running.sandbox.store.drive.limits.quotaBytes = 1 << 20;
    const session = await call('/v1.0/sessions', { method: 'POST', body: { file_name: 'x.bin', file_size: 1500 } });
    const tooBig = await call(session.body.upload_url, { method: 'POST', bytes: bytesOf(1025) });
    expect(tooBig.status).toBe(400);
    const first = await call(session.body.upload_url, { method: 'POST', bytes: bytesOf(1000) });
    expect(first.status).toBe(202);
    expect((await call(session.body.upload_url, { method: 'POST', bytes: bytesOf(500) })).status).toBe(404);
    expect((await call(first.body.next_url, { method: 'POST', bytes: bytesOf(501) })).status).toBe(400);
    expect(running.sandbox.store.drive.files.size).toBe(0);
  });

  it('lists files newest first with the filters, 204 when none match, and one by uuid', async () => {
    const a = (await upload('a.txt', bytesOf(100))).file;
    const b = (await upload('photo.png', bytesOf(3000), 'image/png')).file;
    const all = await call('/v1.0/files');
    expect(all.status).toBe(200);
    expect(all.body._embedded.files.map((f: any) => f.uuid)).toEqual([b.uuid, a.uuid]);
    expect((await call('/v1.0/files?filter[extensions][]=png')).body._embedded.files.map((f: any) => f.uuid)).toEqual([b.uuid]);
    expect((await call('/v1.0/files?filter[term]=phot')).body._embedded.files).toHaveLength(1);
    expect((await call(`/v1.0/files?filter[uuid][]=${a.uuid}`)).body._embedded.files[0].uuid).toBe(a.uuid);
    expect((await call('/v1.0/files?filter[size][from]=1000')).body._embedded.files.map((f: any) => f.uuid)).toEqual([b.uuid]);
    expect((await call('/v1.0/files?filter[size][from]=1&filter[size][unit]=1024')).body._embedded.files.map((f: any) => f.uuid)).toEqual([b.uuid]);
    const paged = await call('/v1.0/files?limit=1');
    expect(paged.body._links.next.href).toContain('page=2');
    expect((await call('/v1.0/files?filter[name]=missing.txt')).status).toBe(204);
    expect((await call('/v1.0/files?filter[color]=red')).status).toBe(400);
    expect((await call(`/v1.0/files/${a.uuid}`)).body).toMatchObject({ uuid: a.uuid, name: 'a.txt', size: 100 });
    expect((await call('/v1.0/files/not-a-uuid')).status).toBe(400);
    expect((await call('/v1.0/files/00000000-0000-4000-8000-000000000000')).status).toBe(404);
  });

  it('trashes files all or nothing, lists them under filter[deleted], and restores them', async () => {
    const a = (await upload('a.txt', bytesOf(10))).file;
    expect((await call('/v1.0/files', { method: 'DELETE', body: [{ uuid: a.uuid }, { uuid: '00000000-0000-4000-8000-000000000000' }] })).status).toBe(404);
    expect(running.sandbox.store.drive.files.get(a.uuid)!.deleted_at).toBeNull();
    expect((await call('/v1.0/files', { method: 'DELETE', body: [{ uuid: a.uuid }] })).status).toBe(200);
    expect((await call('/v1.0/files')).status).toBe(204);
    expect((await call('/v1.0/files?filter[deleted]=1')).body._embedded.files[0]).toMatchObject({ uuid: a.uuid, is_trashed: true });
    const restored = await call('/v1.0/files/restore', { method: 'POST', body: [{ uuid: a.uuid }] });
    expect(restored.body).toMatchObject({ _count: 1, _embedded: { files: [{ uuid: a.uuid, is_trashed: false }] } });
  });

  it('uploads a new version of a file with file_uuid and lists its versions', async () => {
    const first = (await upload('a.txt', bytesOf(10))).file;
    const session = await call('/v1.0/sessions', { method: 'POST', body: { file_name: 'a-v2.txt', file_size: 5, file_uuid: first.uuid } });
    const second = await call(session.body.upload_url, { method: 'POST', bytes: bytesOf(5) });
    expect(second.body).toMatchObject({ uuid: first.uuid, name: 'a-v2.txt', size: 5, has_multiple_versions: true });
    expect(second.body.version_uuid).not.toBe(first.version_uuid);
    const versions = await call(`/v1.0/files/${first.uuid}/versions`);
    expect(versions.body._embedded.versions.map((v: any) => v.is_main)).toEqual([false, true]);
  });
});

describe('/api/v4/{entity}/{id}/files', () => {
  const lead = `/api/v4/leads/${FIRST_LEAD_ID}/files`;

  it('attaches drive files to a lead, lists them newest first, detaches them', async () => {
    const a = (await upload('a.txt', bytesOf(10))).file;
    const b = (await upload('b.txt', bytesOf(20))).file;
    expect((await running.api(lead)).status).toBe(204);
    const put = await running.api(lead, { method: 'PUT', body: [{ file_uuid: a.uuid }, { file_uuid: b.uuid }] });
    expect(put.status).toBe(200);
    expect(put.body._embedded.files.map((f: any) => f.file_uuid)).toEqual([a.uuid, b.uuid]);
    // Attaching again keeps one attachment.
    await running.api(lead, { method: 'PUT', body: [{ file_uuid: a.uuid }] });
    const listed = await running.api(lead);
    expect(listed.body._embedded.files.map((f: any) => f.file_uuid)).toEqual([b.uuid, a.uuid]);
    expect((await running.api(`${lead}?limit=1`)).body._embedded.files).toHaveLength(1);
    const older = await running.api(`${lead}?before_id=${listed.body._embedded.files[0].id}`);
    expect(older.body._embedded.files.map((f: any) => f.file_uuid)).toEqual([a.uuid]);
    expect((await running.api(lead, { method: 'DELETE', body: [{ file_uuid: b.uuid }] })).status).toBe(202);
    expect((await running.api(`${lead}/${a.uuid}`, { method: 'DELETE' })).status).toBe(202);
    expect((await running.api(lead)).status).toBe(204);
  });

  it('refuses unknown files by position, unknown entities, and bad uuids, attaching nothing', async () => {
    const a = (await upload('a.txt', bytesOf(10))).file;
    const put = await running.api(lead, { method: 'PUT', body: [{ file_uuid: a.uuid }, { file_uuid: '00000000-0000-4000-8000-000000000000' }, { file_uuid: 'x' }] });
    expect(put.status).toBe(400);
    expect(put.body['validation-errors'].map((item: any) => [item.request_id, item.errors[0].code])).toEqual([
      ['1', 'NotFound'],
      ['2', 'InvalidType'],
    ]);
    expect(running.sandbox.store.drive.attachments.size).toBe(0);
    expect((await running.api('/api/v4/leads/999/files', { method: 'PUT', body: [{ file_uuid: a.uuid }] })).status).toBe(404);
    expect((await running.api('/api/v4/customers/1/files')).status).toBe(404);
    expect((await running.api(`${lead}/nope`, { method: 'DELETE' })).status).toBe(400);
  });
});
