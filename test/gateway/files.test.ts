// Files end to end: a real GraphQL multipart upload through the gateway to the sandbox's drive
// (its own origin), read back byte for byte from the sandbox; the file list and one file;
// attaching to a lead, Lead.files, detaching, deleting; and the refusals: an upload_url or
// next_url on a foreign origin (nothing is sent there), an oversize upload, bad uuids, and a
// multipart request without the CSRF header.

import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ListeningServer } from '../../src/sandbox/index.js';
import { FIRST_LEAD_ID } from '../../src/sandbox/seed/ids.js';
import { dataOf, startStack, type Stack } from '../helpers/stack.js';

const PART = 4096;
const UPLOAD_LIMIT = 64 * 1024;

let stack: Stack;
let drive: ListeningServer;

beforeAll(async () => {
  stack = await startStack({ gateway: { security: { maxUploadBytes: UPLOAD_LIMIT } } });
  // Before the gateway first reads the account, so it learns this drive_url.
  drive = await stack.sandbox.listenDrive();
  stack.sandbox.store.drive.limits.maxPartSize = PART;
});
afterAll(async () => {
  await stack.close();
  await drive.close();
});

const driveCalls = () => stack.sandbox.log.entries().filter((entry) => !entry.path.startsWith('/api/v4/'));
const bytesOf = (size: number, seed = 7): Uint8Array<ArrayBuffer> => new Uint8Array(Array.from({ length: size }, (_, i) => (i * 131 + seed) % 256));

const UPLOAD = `mutation ($file: Upload!, $name: String) { uploadFile(file: $file, name: $name) { file { uuid amoId name size type mimeType extension isTrashed versionUuid } } }`;

/** A GraphQL multipart request (operations, map, the file) over real HTTP. */
async function multipart(gatewayUrl: string, bytes: Uint8Array<ArrayBuffer>, options: { name?: string; filename?: string; csrf?: boolean; query?: string } = {}) {
  const form = new FormData();
  form.set('operations', JSON.stringify({ query: options.query ?? UPLOAD, variables: { file: null, name: options.name ?? null } }));
  form.set('map', JSON.stringify({ 0: ['variables.file'] }));
  form.set('0', new Blob([bytes], { type: 'application/pdf' }), options.filename ?? 'contract.pdf');
  const response = await fetch(`${gatewayUrl}/graphql`, {
    method: 'POST',
    headers: { accept: 'application/graphql-response+json, application/json', ...(options.csrf === false ? {} : { 'x-graphql-csrf': '1' }) },
    body: form,
  });
  return { status: response.status, body: (await response.json()) as any };
}

async function upload(size: number, seed = 7, filename = 'contract.pdf') {
  const answer = await multipart(stack.gateway.url, bytesOf(size, seed), { filename });
  return dataOf<any>(answer.body).uploadFile.file as { uuid: string; versionUuid: string; name: string; size: number };
}

describe('uploadFile', () => {
  it('uploads a file in the drive part size through a multipart request; the sandbox holds it byte for byte', async () => {
    stack.resetLog();
    const bytes = bytesOf(10_000);
    const answer = await multipart(stack.gateway.url, bytes);
    expect(answer.status).toBe(200);
    const file = dataOf<any>(answer.body).uploadFile.file;
    expect(file).toMatchObject({ name: 'contract.pdf', size: 10_000, type: 'document', mimeType: 'application/pdf', extension: 'pdf', isTrashed: false });
    const stored = stack.sandbox.store.drive.files.get(file.uuid)!;
    expect(Buffer.compare(stored.versions[0]!.bytes, Buffer.from(bytes))).toBe(0);
    // One session, ceil(10000 / 4096) = 3 parts, and the account (for drive_url) once.
    expect(driveCalls().map((call) => `${call.method} ${call.path}`)).toEqual([
      'POST /v1.0/sessions',
      'POST /v1.0/sessions/upload/:token',
      'POST /v1.0/sessions/upload/:token',
      'POST /v1.0/sessions/upload/:token',
    ]);
    expect(stack.upstreamCalls().map((call) => call.path)).toEqual(['/api/v4/account']);
  });

  it('takes the name argument over the filename and refuses an empty file', async () => {
    const named = await multipart(stack.gateway.url, bytesOf(10), { name: 'renamed.pdf' });
    expect(dataOf<any>(named.body).uploadFile.file.name).toBe('renamed.pdf');
    const empty = await multipart(stack.gateway.url, new Uint8Array(0));
    expect(empty.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });

  it(`refuses a file over the upload limit (${UPLOAD_LIMIT} bytes) with 413 before anything goes upstream`, async () => {
    stack.resetLog();
    const files = stack.sandbox.store.drive.files.size;
    const answer = await multipart(stack.gateway.url, bytesOf(UPLOAD_LIMIT + 70 * 1024));
    expect(answer.status).toBe(413);
    expect(answer.body.errors[0].extensions.code).toBe('REQUEST_ENTITY_TOO_LARGE');
    expect(stack.sandbox.log.entries()).toEqual([]);
    expect(stack.sandbox.store.drive.files.size).toBe(files);
  });

  it('refuses a multipart request without the CSRF header: a cross-site form could send one', async () => {
    const answer = await multipart(stack.gateway.url, bytesOf(10), { csrf: false });
    expect(answer.status).toBe(403);
    expect(answer.body.errors[0].extensions.code).toBe('CSRF_HEADER_REQUIRED');
  });
});

describe('files and file', () => {
  it('lists the drive files newest first with filters, and reads one by uuid', async () => {
    const a = await upload(100, 1, 'alpha.txt');
    const b = await upload(200, 2, 'beta.png');
    stack.resetLog();
    const data = dataOf(
      await stack.gql(
        `query ($uuid: String!) {
          files(first: 2) { nodes { uuid name } pageInfo { hasNextPage } }
          png: files(filter: { extensions: ["png"] }) { nodes { uuid } }
          file(uuid: $uuid) { uuid name size createdBy { amoId } }
          none: file(uuid: "00000000-0000-4000-8000-000000000000") { uuid }
        }`,
        { uuid: a.uuid },
      ),
    );
    expect(data.files.nodes.map((f: any) => f.uuid)).toEqual([b.uuid, a.uuid]);
    expect(data.files.pageInfo.hasNextPage).toBe(true);
    expect(data.png.nodes).toEqual([{ uuid: b.uuid }]);
    expect(data.file).toMatchObject({ uuid: a.uuid, name: 'alpha.txt', size: 100, createdBy: { amoId: stack.sandbox.store.account.current_user_id } });
    expect(data.none).toBeNull();
    // Four drive reads; the account (drive_url) is cached from before, and createdBy costs the users list at most.
    expect(driveCalls()).toHaveLength(4);
    expect(stack.upstreamCalls().filter((call) => call.path === '/api/v4/account')).toHaveLength(0);
  });

  it('refuses a uuid that is not one before anything goes upstream', async () => {
    stack.resetLog();
    const answer = await stack.gql(`{ file(uuid: "../v1.0/files") { uuid } }`);
    expect(answer.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(stack.sandbox.log.entries()).toEqual([]);
  });
});

describe('attachFiles, Lead.files, detachFiles, deleteFiles', () => {
  const lead = FIRST_LEAD_ID;
  const attachments = () => stack.sandbox.store.drive.attachments.get(`leads:${lead}`) ?? [];

  it('attaches files to a lead, lists them on Lead.files in three calls, detaches one, refuses bad uuids per item', async () => {
    const a = await upload(50, 3, 'a.pdf');
    const b = await upload(60, 4, 'b.pdf');
    stack.resetLog();
    const attached = dataOf(
      await stack.gql(
        `mutation ($input: EntityFilesInput!) { attachFiles(input: $input) { succeededCount failedCount results { index status fileUuid attachmentAmoId errors { code message } } } }`,
        { input: { entityType: 'LEADS', entityAmoId: lead, fileUuids: [a.uuid, 'not-a-uuid', b.uuid, a.uuid] } },
      ),
    ).attachFiles;
    expect(attached.results.map((r: any) => r.status)).toEqual(['SUCCEEDED', 'FAILED', 'SUCCEEDED', 'FAILED']);
    expect(attached.results[1].errors[0].code).toBe('BAD_USER_INPUT');
    expect(attachments().map((row) => row.file_uuid)).toEqual([a.uuid, b.uuid]);
    expect(stack.upstreamCalls().map((call) => `${call.method} ${call.path}`)).toEqual([`PUT /api/v4/leads/${lead}/files`]);

    stack.resetLog();
    const read = dataOf(await stack.gql(`query ($id: Int!) { lead(amoId: $id) { files { fileUuid attachmentAmoId file { name size } } } }`, { id: lead }));
    expect(read.lead.files.map((f: any) => [f.fileUuid, f.file.name])).toEqual([
      [b.uuid, 'b.pdf'],
      [a.uuid, 'a.pdf'],
    ]);
    // The lead, its files, and both files in one drive call.
    expect(stack.upstreamCalls()).toHaveLength(2);
    expect(driveCalls()).toHaveLength(1);

    const detached = dataOf(
      await stack.gql(`mutation ($input: EntityFilesInput!) { detachFiles(input: $input) { succeededCount } }`, {
        input: { entityType: 'LEADS', entityAmoId: lead, fileUuids: [b.uuid] },
      }),
    ).detachFiles;
    expect(detached.succeededCount).toBe(1);
    expect(attachments().map((row) => row.file_uuid)).toEqual([a.uuid]);
  });

  it('answers a trashed file of an attachment as null, and deleteFiles trashes by uuid', async () => {
    const c = await upload(70, 5, 'c.pdf');
    dataOf(await stack.gql(`mutation ($input: EntityFilesInput!) { attachFiles(input: $input) { succeededCount } }`, { input: { entityType: 'LEADS', entityAmoId: lead, fileUuids: [c.uuid] } }));
    const deleted = dataOf(await stack.gql(`mutation ($uuids: [String!]!) { deleteFiles(uuids: $uuids) { succeededCount results { uuid status } } }`, { uuids: [c.uuid] })).deleteFiles;
    expect(deleted.results).toEqual([{ uuid: c.uuid, status: 'SUCCEEDED' }]);
    expect(stack.sandbox.store.drive.files.get(c.uuid)!.deleted_at).not.toBeNull();
    const read = dataOf(await stack.gql(`query ($id: Int!) { lead(amoId: $id) { files { fileUuid file { name } } } }`, { id: lead }));
    expect(read.lead.files.find((f: any) => f.fileUuid === c.uuid).file).toBeNull();
    const trashed = dataOf(await stack.gql(`{ files(filter: { trashed: true }) { nodes { uuid isTrashed } } }`));
    expect(trashed.files.nodes).toContainEqual({ uuid: c.uuid, isTrashed: true });

    stack.resetLog();
    const restored = dataOf(
      await stack.gql(`mutation ($uuids: [String!]!) { restoreFiles(uuids: $uuids) { results { status file { uuid isTrashed } } } }`, { uuids: [c.uuid] }),
    ).restoreFiles;
    expect(restored.results).toEqual([{ status: 'SUCCEEDED', file: { uuid: c.uuid, isTrashed: false } }]);
    expect(stack.sandbox.store.drive.files.get(c.uuid)!.deleted_at).toBeNull();
    expect(driveCalls().map((call) => `${call.method} ${call.path}`)).toEqual(['POST /v1.0/files/restore']);
  });

  it('refuses files on more than 50 leads at once: one upstream call per lead', async () => {
    stack.resetLog();
    const answer = await stack.gql(`{ leads(first: 60) { nodes { files { fileUuid } } } }`);
    expect(answer.errors?.[0]?.message).toContain('at most 50');
    expect(stack.upstreamCalls().filter((call) => call.path.endsWith('/files'))).toHaveLength(0);
  });
});

const SESSION_TOKEN = 'eyJhbGciOiJIUzI1NiJ9.eyJzZXNzaW9uX2lkIjoxfQ.c2lnbmF0dXJlLXNlY3JldA';

describe('a drive that answers URLs on another origin', () => {
  let fake: Server;
  let foreign: Server;
  let foreignHits = 0;
  let mode: 'upload_url' | 'next_url' | 'part_error' = 'upload_url';
  let other: Stack;

  const origin = (server: Server) => `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const start = (server: Server) => new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const drain = (req: IncomingMessage) => new Promise<void>((resolve) => req.resume().on('end', resolve));

  beforeAll(async () => {
    foreign = createServer((req, res) => {
      foreignHits++;
      res.end('{}');
    });
    fake = createServer(async (req, res) => {
      await drain(req);
      res.setHeader('content-type', 'application/json');
      if (req.url === '/v1.0/sessions') {
        const upload = mode === 'upload_url' ? `${origin(foreign)}/v1.0/sessions/upload/t1` : `${origin(fake)}/v1.0/sessions/upload/${SESSION_TOKEN}`;
        res.end(JSON.stringify({ session_id: 1, upload_url: upload, max_file_size: 1_000_000, max_part_size: 8 }));
      } else if (mode === 'part_error') {
        res.statusCode = 400;
        res.setHeader('content-type', 'application/problem+json');
        res.end(JSON.stringify({ title: 'Bad Request', status: 400, detail: 'part refused' }));
      } else {
        res.statusCode = 202;
        res.end(JSON.stringify({ session_id: 1, next_url: `${origin(foreign)}/v1.0/sessions/upload/t2` }));
      }
    });
    await Promise.all([start(fake), start(foreign)]);
    other = await startStack();
    other.sandbox.store.account.drive_url = origin(fake);
  });
  afterAll(async () => {
    await other.close();
    await new Promise((resolve) => fake.close(resolve));
    await new Promise((resolve) => foreign.close(resolve));
  });

  it.each(['upload_url', 'next_url'] as const)('refuses a foreign %s and sends nothing there, not even the token', async (which) => {
    mode = which;
    foreignHits = 0;
    const answer = await multipart(other.gateway.url, bytesOf(20));
    expect(answer.body.data?.uploadFile ?? null).toBeNull();
    expect(answer.body.errors[0].extensions.code).toBe('AMOCRM_BAD_RESPONSE');
    expect(answer.body.errors[0].message).toContain(which);
    expect(foreignHits).toBe(0);
  });

  it('names a refused part by its route, never by the session token in its URL', async () => {
    mode = 'part_error';
    const answer = await multipart(other.gateway.url, bytesOf(20));
    expect(answer.body.errors[0].extensions.code).toBe('AMOCRM_BAD_REQUEST');
    expect(JSON.stringify(answer.body)).not.toContain(SESSION_TOKEN.split('.')[2]);
    expect(JSON.stringify(answer.body)).toContain('/v1.0/sessions/upload/:token');
  });
});
