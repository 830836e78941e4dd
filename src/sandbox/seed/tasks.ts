// Seeded tasks: calls, meetings and the account's own types on live leads, contacts and companies,
// plus a few on nothing. Open tasks fall due around the seed epoch (some overdue, most ahead);
// closed leads only have completed ones. Entities' `closest_task_at` stays as the entity seed drew
// it. Own PRNG, so the entities drawn before stay unchanged; ids in creation order.

import { createRandom, type Random } from '../random.js';
import type { EntityType, TaskRecord } from '../records.js';
import type { SandboxStore } from '../store.js';
import { SEED_EPOCH, SEED_START } from './ids.js';
import { ACTIVE_SELLERS, groupOf } from './metadata.js';
import { accountMidnight } from './values.js';

const DAY = 86_400;

export const FIRST_TASK_ID = 80_000_001;
/** By what a task is on; `none` are free tasks. */
export const TASK_COUNTS = { leads: 150, contacts: 55, companies: 35, none: 10 } as const;

const TASKS_SALT = 0x7461736b;

const CALL_TEXTS = [
  'Перезвонить клиенту',
  'Уточнить решение по КП',
  'Позвонить ЛПР',
  'Напомнить об оплате счёта',
  'Узнать, получили ли документы',
  'Follow up on the proposal',
] as const;
const MEETING_TEXTS = ['Встреча в офисе клиента', 'Демонстрация продукта', 'Презентация для руководства', 'Подписание договора'] as const;
const CUSTOM_TEXTS = ['Отправить коммерческое предложение', 'Подготовить КП с учётом скидки', 'Выслать обновлённое КП'] as const;
/** Free tasks with their type: the planning meeting is a meeting, the rest are follow-ups. */
const FREE_TASKS = [
  ['Подготовить отчёт по продажам за месяц', 1],
  ['Обновить прайс-лист', 1],
  ['Планёрка отдела продаж', 2],
  ['Разобрать неразобранные заявки', 1],
] as const;
/** What people write on completing, by task type (the account's own types fall back to the last). */
const RESULTS: Record<number, readonly string[]> = {
  1: ['Дозвонился, договорились о встрече', 'Клиент думает, перезвонить через неделю', 'Не дозвонился, отправил письмо', 'Done, the customer confirmed'],
  2: ['Встреча прошла, ждём решения', 'Договор подписан', 'Клиент попросил расширенную демонстрацию'],
  0: ['КП отправлено', 'Отправил КП, клиент подтвердил получение'],
};

interface Host {
  type: EntityType | null;
  id: number | null;
  responsible_user_id: number | null;
  created_at: number;
  /** Closed leads only have completed tasks. */
  closed: boolean;
}

function hosts(store: SandboxStore, entity: EntityType): Host[] {
  return store
    .entities(entity)
    .values()
    .filter((row) => !row.is_deleted)
    .map((row) => ({
      type: entity,
      id: row.id,
      responsible_user_id: row.responsible_user_id,
      created_at: row.created_at,
      closed: ((row as { closed_at?: number | null }).closed_at ?? null) !== null,
    }));
}

/** A due time as people set it: on the hour in working hours, or a whole day (23:59). */
function dueAt(random: Random, around: number): number {
  const midnight = accountMidnight(around);
  return random.chance(0.25) ? midnight + DAY - 60 : midnight + random.int(9, 18) * 3600 + random.pick([0, 1800]);
}

function textFor(random: Random, typeId: number): string {
  if (typeId === 1) return random.pick(CALL_TEXTS);
  if (typeId === 2) return random.pick(MEETING_TEXTS);
  return random.pick(CUSTOM_TEXTS);
}

function task(store: SandboxStore, random: Random, host: Host, typeWeights: readonly (readonly [number, number])[]): Omit<TaskRecord, 'id'> {
  const free = host.type === null;
  const [freeText, freeType] = free ? random.pick(FREE_TASKS) : [null, null];
  const typeId = freeType ?? random.weighted(typeWeights);
  const owner = host.responsible_user_id;
  const responsible = owner !== null && (ACTIVE_SELLERS as readonly number[]).includes(owner) ? owner : random.pick(ACTIVE_SELLERS);
  const completed = host.closed || random.chance(free ? 0.3 : 0.45);
  const created = random.int(Math.max(host.created_at + 60, SEED_START), SEED_EPOCH - 3600);
  let completeTill: number;
  let updated: number;
  if (completed) {
    completeTill = Math.min(dueAt(random, created + random.int(0, 14) * DAY), SEED_EPOCH - 60);
    completeTill = Math.max(completeTill, created + 60);
    updated = random.int(Math.max(created + 60, completeTill - 2 * DAY), Math.max(created + 60, Math.min(SEED_EPOCH, completeTill + DAY)));
  } else {
    // Open ones: a few overdue, most due within the month after the epoch.
    completeTill = Math.max(dueAt(random, SEED_EPOCH + random.int(-10, 30) * DAY), created + 3600);
    updated = random.chance(0.2) ? random.int(created + 60, Math.max(created + 60, SEED_EPOCH)) : created;
  }
  const author = random.chance(0.7) ? responsible : random.pick([...ACTIVE_SELLERS, store.account.current_user_id]);
  return {
    text: freeText ?? textFor(random, typeId),
    task_type_id: typeId,
    entity_id: host.id,
    entity_type: host.type,
    responsible_user_id: responsible,
    group_id: groupOf(store, responsible),
    created_by: author,
    updated_by: completed ? responsible : author,
    created_at: created,
    updated_at: updated,
    complete_till: completeTill,
    duration: typeId === 2 ? random.pick([1800, 3600, 5400]) : 0,
    is_completed: completed,
    result: completed && !free && random.chance(0.8) ? { text: random.pick(RESULTS[typeId] ?? RESULTS[0]!) } : null,
  };
}

export function seedTasks(store: SandboxStore, seed: number): void {
  const random = createRandom((Math.imul(seed, 0x85ebca6b) ^ TASKS_SALT) >>> 0);
  const custom = store.taskTypes.values().filter((type) => type.id !== 1 && type.id !== 2);
  const typeWeights: (readonly [number, number])[] = [[1, 55], [2, 20], ...custom.map((type): [number, number] => [type.id, 25 / custom.length])];
  const rows: Omit<TaskRecord, 'id'>[] = [];
  for (const entity of ['leads', 'contacts', 'companies'] as const) {
    const live = hosts(store, entity);
    for (let i = 0; i < TASK_COUNTS[entity]; i++) rows.push(task(store, random, random.pick(live), typeWeights));
  }
  const nobody: Host = { type: null, id: null, responsible_user_id: null, created_at: SEED_START + 200 * DAY, closed: false };
  for (let i = 0; i < TASK_COUNTS.none; i++) rows.push(task(store, random, nobody, typeWeights));
  rows.sort((a, b) => a.created_at - b.created_at || (a.entity_id ?? 0) - (b.entity_id ?? 0));
  rows.forEach((row, index) => store.tasks.put({ id: FIRST_TASK_ID + index, ...row }));
}
