// addUsers: adds users to the account (`POST /api/v4/users`). Admin only; amoCRM takes 10 users
// per request and stops adding once the account has 100 users. The cached users (and roles, which
// list their holders) are dropped after the write, so the next read sees the new users.

import { batchWrite, type InputPath, type ItemError, type Prepared } from '../loaders/batch-write.js';
import { MAX_USERS_PER_ADD, type UserAdd } from '../rest/resources/users.js';
import type { User } from '../rest/types.js';
import { builder } from './builder.js';
import type { GraphQLContext } from './context.js';
import { checkListSize } from './entity-writes.js';
import { UserRef } from './refs.js';
import { rightsInputPath, toUserRights, UserRightsInput, type UserRightsValue } from './rights-input.js';
import { inputError, withIndexes, writePayloadType, writeResultType } from './write-results.js';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PASSWORD_MIN = 6;

const UserLang = builder.enumType('UserLang', { values: { RU: { value: 'ru' }, EN: { value: 'en' }, ES: { value: 'es' }, PT: { value: 'pt' } } as const });

const AddUserInput = builder.inputType('AddUserInput', {
  fields: (t) => ({
    name: t.string({ required: true }),
    email: t.string({ required: true, description: 'Must not belong to a user already in the account.' }),
    password: t.string({ description: `At least ${PASSWORD_MIN} characters. Sent to amoCRM only; never logged or returned.` }),
    lang: t.field({ type: UserLang }),
    rights: t.field({ type: UserRightsInput }),
  }),
});

interface AddUserValue {
  name: string;
  email: string;
  password?: string | null;
  lang?: 'ru' | 'en' | 'es' | 'pt' | null;
  rights?: UserRightsValue | null;
}

const userInputPath = (amoPath: string): InputPath => {
  const parts = amoPath.split('.');
  if (parts[0] === 'rights') return rightsInputPath(parts);
  return ['name', 'email', 'password', 'lang'].includes(parts[0] ?? '') ? [parts[0]!] : [];
};

function prepareUser(input: AddUserValue, emails: Map<string, number>, index: number): Prepared<UserAdd> {
  const errors: ItemError[] = [];
  if (input.name.trim() === '') errors.push(inputError(['name'], 'name must not be empty'));
  const email = input.email.trim();
  const key = email.toLowerCase();
  if (!EMAIL.test(email)) errors.push(inputError(['email'], 'email is not a valid e-mail address'));
  else if (emails.has(key)) errors.push(inputError(['email'], `email is already added by item ${emails.get(key)} of this call`));
  else emails.set(key, index);
  if (input.password != null && input.password.length < PASSWORD_MIN) errors.push(inputError(['password'], `password must be at least ${PASSWORD_MIN} characters`));
  if (input.rights?.isAdmin && input.rights.isFree) errors.push(inputError(['rights', 'isFree'], 'an administrator cannot be a free user'));
  if (errors.length > 0) return { errors };
  const body: UserAdd = { name: input.name, email };
  if (input.password != null) body.password = input.password;
  if (input.lang != null) body.lang = input.lang;
  if (input.rights != null) body.rights = toUserRights(input.rights);
  return { body, inputPath: userInputPath };
}

async function addUsers(ctx: GraphQLContext, inputs: readonly AddUserValue[]) {
  checkListSize(inputs);
  const emails = new Map<string, number>();
  const items = inputs.map((input, index) => prepareUser(input, emails, index));
  const signal = ctx.upstream.scope?.signal;
  const outcomes = await batchWrite<UserAdd, User & { request_id?: string }>(items, {
    batchSize: MAX_USERS_PER_ADD,
    send: (bodies) => ctx.upstream.users.add(bodies, { signal }),
    requestIdsOf: (result) => [String(result.request_id ?? '')],
  });
  if (outcomes.some((outcome) => outcome.status !== 'failed')) {
    ctx.account.metadata.invalidate('users');
    ctx.account.metadata.invalidate('roles');
  }
  return withIndexes(outcomes);
}

const UserWriteResult = writeResultType<User>('AddUserResult', 'The outcome of one user of an addUsers call.', (t) => ({
  user: t.field({ type: UserRef, nullable: true, description: 'The user as amoCRM answered the write.', resolve: (r) => (r.outcome.status === 'succeeded' ? r.outcome.value : null) }),
}));

builder.mutationFields((t) => ({
  addUsers: t.field({
    type: writePayloadType('AddUsersPayload', UserWriteResult),
    description: `Adds users to the account, ${MAX_USERS_PER_ADD} per upstream call, each answered on its own. Admin only; amoCRM stops adding users once the account has 100, and refuses an e-mail already in the account.`,
    args: { input: t.arg({ type: [AddUserInput], required: true }) },
    resolve: (_root, args, ctx) => addUsers(ctx, args.input),
  }),
}));
