// createUnsorted (web forms and calls), and the three ways to sort an entry: accept it into a
// status, decline it, or link it to a lead that already exists. Creation is batched by 50 per
// category; amoCRM sorts one entry per call, so those go one by one, each answered on its own.

import { batchWrite, type InputPath, type ItemError, type ItemOutcome, type Prepared } from '../loaders/batch-write.js';
import { loadUnsorted } from '../loaders/unsorted.js';
import type { CompanyWrite, ContactWrite, LeadWrite, UnsortedCreated, UnsortedSortResult, UnsortedWrite } from '../rest/types.js';
import { builder } from './builder.js';
import { toUnixSeconds } from './common.js';
import type { GraphQLContext } from './context.js';
import { ComplexCompanyInput, ComplexContactInput } from './complex-mutations.js';
import { CustomFieldInput } from './custom-field-input.js';
import { checkUser, TagInput, writeMetadata, type WriteMetadata } from './entity-inputs.js';
import { checkListSize, commonBody, type EntityInputValue } from './entity-writes.js';
import { CompanyRef, ContactRef, forgetEntity, LeadRef } from './refs.js';
import { UnsortedRef } from './unsorted.js';
import { inputError, withIndexes, writePayloadType, writeResultType } from './write-results.js';

const UnsortedNewCategory = builder.enumType('UnsortedNewCategory', {
  description: 'The incoming entries amoCRM lets an integration create.',
  values: { FORMS: { value: 'forms' }, SIP: { value: 'sip' } } as const,
});

const UnsortedFormInput = builder.inputType('UnsortedFormInput', {
  fields: (t) => ({
    formId: t.string({ required: true }),
    formName: t.string({ required: true }),
    formPage: t.string({ required: true, description: 'The page the form is on.' }),
    sentAt: t.field({ type: 'DateTime', description: 'Default: now.' }),
    ip: t.string(),
    referer: t.string(),
    visitorUid: t.string(),
  }),
});

const UnsortedCallInput = builder.inputType('UnsortedCallInput', {
  fields: (t) => ({
    from: t.string({ required: true, description: "The caller's number or name." }),
    phone: t.string({ required: true, description: 'The number that was called.' }),
    calledAt: t.field({ type: 'DateTime', required: true }),
    duration: t.int({ required: true, description: 'Seconds.' }),
    serviceCode: t.string({ required: true, description: "The telephony widget's code." }),
    uniq: t.string({ required: true, description: "The telephony's call id." }),
    link: t.string({ description: 'The recording.' }),
  }),
});

const UnsortedLeadInput = builder.inputType('UnsortedLeadInput', {
  fields: (t) => ({
    name: t.string(),
    price: t.int(),
    responsibleUserId: t.int(),
    customFields: t.field({ type: [CustomFieldInput] }),
    tags: t.field({ type: [TagInput] }),
  }),
});

const CreateUnsortedInput = builder.inputType('CreateUnsortedInput', {
  description: 'A web form entry (`category: FORMS` with `form`) or a call (`category: SIP` with `call`).',
  fields: (t) => ({
    category: t.field({ type: UnsortedNewCategory, required: true }),
    sourceName: t.string({ required: true, description: 'Shown as where it came from.' }),
    sourceUid: t.string({ required: true, description: 'Your id for the source.' }),
    pipelineId: t.int({ description: 'Default: the main pipeline.' }),
    createdAt: t.field({ type: 'DateTime' }),
    form: t.field({ type: UnsortedFormInput }),
    call: t.field({ type: UnsortedCallInput }),
    lead: t.field({ type: UnsortedLeadInput, description: 'The new lead; a lead is made even when left out.' }),
    contact: t.field({ type: ComplexContactInput }),
    company: t.field({ type: ComplexCompanyInput }),
  }),
});

interface CreateUnsortedValue {
  category: 'forms' | 'sip';
  sourceName: string;
  sourceUid: string;
  pipelineId?: number | null;
  createdAt?: Date | null;
  form?: { formId: string; formName: string; formPage: string; sentAt?: Date | null; ip?: string | null; referer?: string | null; visitorUid?: string | null } | null;
  call?: { from: string; phone: string; calledAt: Date; duration: number; serviceCode: string; uniq: string; link?: string | null } | null;
  lead?: (EntityInputValue & { price?: number | null }) | null;
  contact?: (EntityInputValue & { firstName?: string | null; lastName?: string | null }) | null;
  company?: EntityInputValue | null;
}

const FORM_PATHS: Record<string, string> = { form_id: 'formId', form_name: 'formName', form_page: 'formPage', form_sent_at: 'sentAt', ip: 'ip', referer: 'referer', visitor_uid: 'visitorUid' };
const CALL_PATHS: Record<string, string> = { from: 'from', phone: 'phone', called_at: 'calledAt', duration: 'duration', service_code: 'serviceCode', uniq: 'uniq', link: 'link' };
const TOP_PATHS: Record<string, string> = { source_name: 'sourceName', source_uid: 'sourceUid', pipeline_id: 'pipelineId', created_at: 'createdAt' };

interface UnsortedMetadata {
  leads: WriteMetadata;
  contacts: WriteMetadata;
  companies: WriteMetadata;
}

function prepareUnsorted(input: CreateUnsortedValue, metadata: UnsortedMetadata): Prepared<UnsortedWrite> {
  const errors: ItemError[] = [];
  const [detail, other] = input.category === 'forms' ? (['form', 'call'] as const) : (['call', 'form'] as const);
  if (!input[detail]) errors.push(inputError([detail], `a ${input.category} entry needs ${detail}`));
  if (input[other]) errors.push(inputError([other], `a ${input.category} entry has no ${other}`));
  if (input.sourceName.trim() === '') errors.push(inputError(['sourceName'], 'sourceName must not be empty'));
  if (input.sourceUid.trim() === '') errors.push(inputError(['sourceUid'], 'sourceUid must not be empty'));
  if (input.pipelineId != null && !metadata.leads.pipelines.some((pipeline) => pipeline.id === input.pipelineId)) {
    errors.push(inputError(['pipelineId'], `no pipeline ${input.pipelineId} in this account`));
  }
  if (input.call && input.call.duration < 0) errors.push(inputError(['call', 'duration'], 'duration is seconds, not negative'));

  const part = <B>(value: EntityInputValue | null | undefined, at: string, meta: WriteMetadata, extra: (body: B) => void) => {
    if (!value) return null;
    const partErrors: ItemError[] = [];
    const converted = commonBody(value, meta, 'create', partErrors);
    errors.push(...partErrors.map((error) => ({ ...error, path: [at, ...error.path] })));
    const body = converted.body as B;
    extra(body);
    return { body, inputPath: converted.inputPath };
  };
  const lead = part<LeadWrite>(input.lead ?? {}, 'lead', metadata.leads, (body) => {
    if (input.lead?.price != null) body.price = input.lead.price;
  });
  const contact = part<ContactWrite>(input.contact, 'contact', metadata.contacts, (body) => {
    if (input.contact?.firstName != null) body.first_name = input.contact.firstName;
    if (input.contact?.lastName != null) body.last_name = input.contact.lastName;
  });
  const company = part<CompanyWrite>(input.company, 'company', metadata.companies, () => {});
  if (errors.length > 0) return { errors };

  const meta: Record<string, unknown> =
    input.category === 'forms'
      ? {
          form_id: input.form!.formId,
          form_name: input.form!.formName,
          form_page: input.form!.formPage,
          form_sent_at: toUnixSeconds(input.form!.sentAt ?? new Date()),
          ...(input.form!.ip ? { ip: input.form!.ip } : {}),
          ...(input.form!.referer ? { referer: input.form!.referer } : {}),
          ...(input.form!.visitorUid ? { visitor_uid: input.form!.visitorUid } : {}),
        }
      : {
          from: input.call!.from,
          phone: input.call!.phone,
          called_at: toUnixSeconds(input.call!.calledAt),
          duration: input.call!.duration,
          service_code: input.call!.serviceCode,
          uniq: input.call!.uniq,
          ...(input.call!.link ? { link: input.call!.link } : {}),
        };
  const body: UnsortedWrite = {
    source_name: input.sourceName,
    source_uid: input.sourceUid,
    metadata: meta as unknown as UnsortedWrite['metadata'],
    _embedded: {
      leads: [lead!.body],
      ...(contact ? { contacts: [contact.body] } : {}),
      ...(company ? { companies: [company.body] } : {}),
    },
  };
  if (input.pipelineId != null) body.pipeline_id = input.pipelineId;
  if (input.createdAt) body.created_at = toUnixSeconds(input.createdAt);
  const parts = { leads: ['lead', lead], contacts: ['contact', contact], companies: ['company', company] } as const;
  return {
    body,
    inputPath: (amoPath): InputPath => {
      const [head, key, , ...rest] = amoPath.split('.');
      if (head === '_embedded' && key && key in parts) {
        const [at, prepared] = parts[key as keyof typeof parts];
        return prepared ? [at, ...prepared.inputPath(rest.join('.'))] : [at];
      }
      if (head === 'metadata') {
        const names = input.category === 'forms' ? FORM_PATHS : CALL_PATHS;
        return key && names[key] ? [detail, names[key]!] : [detail];
      }
      return head && TOP_PATHS[head] ? [TOP_PATHS[head]!] : [];
    },
  };
}

async function createUnsorted(ctx: GraphQLContext, inputs: readonly CreateUnsortedValue[]) {
  checkListSize(inputs);
  const [leads, contacts, companies] = await Promise.all([
    writeMetadata(ctx.account, 'leads', { pipelines: true }),
    writeMetadata(ctx.account, 'contacts'),
    writeMetadata(ctx.account, 'companies'),
  ]);
  const items = inputs.map((input) => prepareUnsorted(input, { leads, contacts, companies }));
  const outcomes = new Array<ItemOutcome<UnsortedCreated>>(items.length);
  const groups = new Map<'forms' | 'sip', number[]>();
  inputs.forEach((input, index) => groups.set(input.category, [...(groups.get(input.category) ?? []), index]));
  await Promise.all(
    [...groups].map(async ([category, indexes]) => {
      const signal = ctx.upstream.scope?.signal;
      const results = await batchWrite<UnsortedWrite, UnsortedCreated>(
        indexes.map((index) => items[index]!),
        {
          send: (bodies) => (category === 'forms' ? ctx.upstream.unsorted.createForms(bodies, { signal }) : ctx.upstream.unsorted.createSip(bodies, { signal })),
          requestIdsOf: (result) => [String(result.request_id)],
        },
      );
      results.forEach((outcome, i) => (outcomes[indexes[i]!] = outcome));
    }),
  );
  return withIndexes(outcomes);
}

const firstId = (refs: { id: number }[] | undefined) => refs?.[0]?.id ?? null;
const created = (r: { outcome: ItemOutcome<UnsortedCreated> }) => (r.outcome.status === 'succeeded' ? r.outcome.value : null);

const UnsortedWriteResult = writeResultType<UnsortedCreated>('UnsortedWriteResult', 'The outcome of one entry of a createUnsorted call.', (t) => ({
  uid: t.string({ nullable: true, resolve: (r) => created(r)?.uid ?? null }),
  unsorted: t.loadable({
    type: UnsortedRef,
    nullable: true,
    description: 'The entry as amoCRM lists it now (one call for every entry of the payload).',
    load: async (uids: string[], ctx: GraphQLContext) => {
      const found = new Map((await loadUnsorted(ctx.upstream, uids)).map((entry) => [entry.uid, entry]));
      return uids.map((uid) => found.get(uid) ?? null);
    },
    resolve: (r) => created(r)?.uid ?? null,
  }),
  lead: t.field({ type: LeadRef, nullable: true, resolve: (r) => firstId(created(r)?._embedded?.leads) }),
  contact: t.field({ type: ContactRef, nullable: true, resolve: (r) => firstId(created(r)?._embedded?.contacts) }),
  company: t.field({ type: CompanyRef, nullable: true, resolve: (r) => firstId(created(r)?._embedded?.companies) }),
}));

// --- sorting ---------------------------------------------------------------------------------

const UID = /^[A-Za-z0-9_-]{1,64}$/;

interface SortValue {
  uid: string;
  userId?: number | null;
  statusId?: number | null;
  leadAmoId?: number | null;
}

type SortAction = 'accept' | 'decline' | 'link';

const SORT_PATHS: Record<string, string> = { user_id: 'userId', status_id: 'statusId', link: 'leadAmoId' };

async function sortUnsorted(ctx: GraphQLContext, inputs: readonly SortValue[], action: SortAction) {
  checkListSize(inputs);
  const users = await ctx.account.users();
  const seen = new Set<string>();
  const items: Prepared<SortValue>[] = inputs.map((input) => {
    const errors: ItemError[] = [];
    if (!UID.test(input.uid)) errors.push(inputError(['uid'], `not an unsorted uid: ${JSON.stringify(input.uid)}`));
    else if (seen.has(input.uid)) errors.push(inputError(['uid'], `entry ${input.uid} is already sorted by an earlier item of this call`));
    seen.add(input.uid);
    checkUser(users, input.userId, ['userId'], errors);
    if (input.statusId != null && input.statusId < 1) errors.push(inputError(['statusId'], 'statusId must be positive'));
    if (input.leadAmoId != null && input.leadAmoId < 1) errors.push(inputError(['leadAmoId'], 'leadAmoId must be positive'));
    return errors.length > 0 ? { errors } : { body: input, inputPath: (amoPath) => [SORT_PATHS[amoPath.split('.')[0] ?? ''] ?? 'uid'] };
  });
  const signal = ctx.upstream.scope?.signal;
  // One entry per call: a refused entry (already sorted, unknown) never holds up the others.
  const outcomes = await batchWrite<SortValue, UnsortedSortResult>(items, {
    batchSize: 1,
    requestIds: 'by-position',
    send: async ([input]) => {
      const user = input!.userId != null ? { user_id: input!.userId } : {};
      const result =
        action === 'accept'
          ? await ctx.upstream.unsorted.accept(input!.uid, { ...user, ...(input!.statusId != null ? { status_id: input!.statusId } : {}) }, { signal })
          : action === 'decline'
            ? await ctx.upstream.unsorted.decline(input!.uid, user, { signal })
            : await ctx.upstream.unsorted.link(input!.uid, { link: { entity_id: input!.leadAmoId!, entity_type: 'leads' }, ...user }, { signal });
      return [result ?? { uid: input!.uid, _embedded: { leads: [], contacts: [], companies: [] } }];
    },
    requestIdsOf: () => ['0'],
  });
  // The entry's lead moved, was deleted, or took the entry's contact: read them again if asked.
  for (const outcome of outcomes) {
    if (outcome.status !== 'succeeded') continue;
    const embedded = outcome.value._embedded;
    for (const lead of embedded?.leads ?? []) forgetEntity(ctx, 'leads', lead.id);
    for (const contact of embedded?.contacts ?? []) forgetEntity(ctx, 'contacts', contact.id);
    for (const company of embedded?.companies ?? []) forgetEntity(ctx, 'companies', company.id);
  }
  outcomes.forEach((outcome, index) => {
    if (outcome.status === 'succeeded' && inputs[index]!.leadAmoId) forgetEntity(ctx, 'leads', inputs[index]!.leadAmoId!);
  });
  return withIndexes(outcomes).map((result) => ({ ...result, uid: inputs[result.index]!.uid }));
}

const sorted = (r: { outcome: ItemOutcome<UnsortedSortResult> }) => (r.outcome.status === 'succeeded' ? r.outcome.value : null);

const UnsortedSortWriteResult = writeResultType<UnsortedSortResult>('UnsortedSortResult', 'The outcome of sorting one entry.', (t) => ({
  uid: t.string({ resolve: (r) => (r as unknown as { uid: string }).uid }),
  lead: t.field({ type: LeadRef, nullable: true, description: 'The lead the entry ended in (declined: the deleted lead is null).', resolve: (r) => firstId(sorted(r)?._embedded?.leads) }),
  contact: t.field({ type: ContactRef, nullable: true, resolve: (r) => firstId(sorted(r)?._embedded?.contacts) }),
  company: t.field({ type: CompanyRef, nullable: true, resolve: (r) => firstId(sorted(r)?._embedded?.companies) }),
}));

const AcceptUnsortedInput = builder.inputType('AcceptUnsortedInput', {
  fields: (t) => ({
    uid: t.string({ required: true }),
    statusId: t.int({ description: "A status of the entry's pipeline; default: its first working stage." }),
    userId: t.int({ description: 'Who accepts it (becomes responsible); default: the token’s user.' }),
  }),
});

const DeclineUnsortedInput = builder.inputType('DeclineUnsortedInput', {
  fields: (t) => ({ uid: t.string({ required: true }), userId: t.int() }),
});

const LinkUnsortedInput = builder.inputType('LinkUnsortedInput', {
  description: "Attaches the entry to an existing lead instead of its own. amoCRM documents this for chats (and mail) entries.",
  fields: (t) => ({ uid: t.string({ required: true }), leadAmoId: t.int({ required: true }), userId: t.int() }),
});

const SortUnsortedPayload = (name: string) => writePayloadType(name, UnsortedSortWriteResult);

builder.mutationFields((t) => ({
  createUnsorted: t.field({
    type: writePayloadType('CreateUnsortedPayload', UnsortedWriteResult),
    description: 'Creates incoming entries from web forms and calls, 50 per upstream call per category, each answered on its own.',
    args: { input: t.arg({ type: [CreateUnsortedInput], required: true }) },
    resolve: (_root, args, ctx) => createUnsorted(ctx, args.input),
  }),
  acceptUnsorted: t.field({
    type: SortUnsortedPayload('AcceptUnsortedPayload'),
    description: 'Accepts entries into a status (one upstream call each).',
    args: { input: t.arg({ type: [AcceptUnsortedInput], required: true }) },
    resolve: (_root, args, ctx) => sortUnsorted(ctx, args.input, 'accept'),
  }),
  declineUnsorted: t.field({
    type: SortUnsortedPayload('DeclineUnsortedPayload'),
    description: "Declines entries; amoCRM deletes the entry's lead (one upstream call each).",
    args: { input: t.arg({ type: [DeclineUnsortedInput], required: true }) },
    resolve: (_root, args, ctx) => sortUnsorted(ctx, args.input, 'decline'),
  }),
  linkUnsorted: t.field({
    type: SortUnsortedPayload('LinkUnsortedPayload'),
    description: 'Links entries to existing leads (one upstream call each).',
    args: { input: t.arg({ type: [LinkUnsortedInput], required: true }) },
    resolve: (_root, args, ctx) => sortUnsorted(ctx, args.input, 'link'),
  }),
}));
