// Tag dictionaries per entity type. Only leads tags have colors (amoCRM's tag palette, hex without
// `#`); a few leads tags have none, as in a real account.

import type { EntityType, TagRecord } from '../records.js';
import type { SandboxStore } from '../store.js';

const FIRST_TAG_ID: Record<EntityType, number> = { leads: 810_001, contacts: 820_001, companies: 830_001 };

const NAMES: Record<EntityType, readonly (readonly [string, string | null])[]> = {
  leads: [
    ['VIP', 'FFCE5A'],
    ['Повторная продажа', 'C7DB8C'],
    ['Сайт', '86C0FC'],
    ['Рекомендация', '90CDB0'],
    ['Тендер', '8699DA'],
    ['Срочно', 'FF8F92'],
    ['Выставка', 'D1A4DC'],
    ['Партнёр', 'AABDFF'],
    ['Холодный звонок', null],
    ['Instagram', 'F2DDF7'],
    ['Яндекс.Директ', 'FFE193'],
    ['Google Ads', null],
  ],
  contacts: [
    ['ЛПР', null],
    ['Бухгалтерия', null],
    ['Постоянный клиент', null],
    ['Рассылка', null],
    ['English speaking', null],
    ['Не звонить', null],
  ],
  companies: [
    ['Ключевой клиент', null],
    ['Дистрибьютор', null],
    ['Госсектор', null],
    ['Конкурент', null],
    ['Международная', null],
  ],
};

export function seedTags(store: SandboxStore): void {
  for (const entity of ['leads', 'contacts', 'companies'] as const) {
    NAMES[entity].forEach(([name, color], index) => {
      const tag: TagRecord = { id: FIRST_TAG_ID[entity] + index, name, color: entity === 'leads' ? color : null };
      store.tags[entity].put(tag);
    });
  }
}
