// The event types /api/v4/events/types lists, with their names in the languages amoCRM and Kommo
// answer in (`language_code`: ru, en, es, pt; the user's language otherwise). Per-field changes
// (`custom_field_{id}_value_changed`) are not listed: they follow from the account's fields.

export interface EventTypeEntry {
  key: string;
  names: { ru: string; en: string; es: string; pt: string };
}

const t = (key: string, ru: string, en: string, es: string, pt: string): EventTypeEntry => ({ key, names: { ru, en, es, pt } });

export const EVENT_TYPES: readonly EventTypeEntry[] = [
  t('lead_added', 'Новая сделка', 'New lead', 'Nuevo lead', 'Novo lead'),
  t('lead_deleted', 'Сделка удалена', 'Lead deleted', 'Lead eliminado', 'Lead apagado'),
  t('lead_restored', 'Сделка восстановлена', 'Lead restored', 'Lead restaurado', 'Lead restaurado'),
  t('lead_status_changed', 'Изменение этапа продажи', 'Lead stage changed', 'Estado del lead cambiado', 'Mudança da etapa do lead'),
  t('lead_linked', 'Прикрепление сделки', 'Lead linked', 'Lead vinculado', 'Vinculação de lead'),
  t('lead_unlinked', 'Открепление сделки', 'Lead unlinked', 'Lead desvinculado', 'Desvinculação de lead'),
  t('contact_added', 'Новый контакт', 'New contact', 'Nuevo contacto', 'Novo contato'),
  t('contact_deleted', 'Контакт удалён', 'Contact deleted', 'Contacto eliminado', 'Contato apagado'),
  t('contact_restored', 'Контакт восстановлен', 'Contact restored', 'Contacto restaurado', 'Contato restaurado'),
  t('company_added', 'Новая компания', 'New company', 'Nueva compañía', 'Nova empresa'),
  t('company_deleted', 'Компания удалена', 'Company deleted', 'Compañía eliminada', 'Empresa apagada'),
  t('company_restored', 'Компания восстановлена', 'Company restored', 'Compañía restaurada', 'Empresa restaurada'),
  t('task_added', 'Новая задача', 'New task', 'Nueva tarea', 'Nova tarefa'),
  t('task_deleted', 'Задача удалена', 'Task deleted', 'Tarea eliminada', 'Tarefa apagada'),
  t('task_completed', 'Завершение задачи', 'Task completed', 'Tarea completada', 'Tarefa completada'),
  t('task_type_changed', 'Изменение типа задачи', 'Task type changed', 'Cambio de tipo de tarea', 'Mudança de tipo de tarefa'),
  t('task_text_changed', 'Изменение текста задачи', 'Task text changed', 'Cambio de texto de la tarea', 'Mudança do texto da tarefa'),
  t('task_deadline_changed', 'Изменение срока задачи', 'Task deadline changed', 'Cambio de fecha límite de la tarea', 'Mudança do prazo da tarefa'),
  t('task_result_added', 'Результат по задаче', 'Task result added', 'Resultado de la tarea', 'Resultado da tarefa'),
  t('incoming_call', 'Входящий звонок', 'Incoming call', 'Llamada entrante', 'Chamada recebida'),
  t('outgoing_call', 'Исходящий звонок', 'Outgoing call', 'Llamada saliente', 'Chamada realizada'),
  t('incoming_chat_message', 'Входящее сообщение', 'Incoming chat message', 'Mensaje de chat entrante', 'Mensagem de chat recebida'),
  t('outgoing_chat_message', 'Исходящее сообщение', 'Outgoing chat message', 'Mensaje de chat saliente', 'Mensagem de chat enviada'),
  t('entity_tag_added', 'Теги добавлены', 'Tags added', 'Etiquetas añadidas', 'Tags adicionadas'),
  t('entity_tag_deleted', 'Теги убраны', 'Tags removed', 'Etiquetas eliminadas', 'Tags apagadas'),
  t('entity_linked', 'Прикрепление', 'Entity linked', 'Entidad vinculada', 'Vinculação de entidade'),
  t('entity_unlinked', 'Открепление', 'Entity unlinked', 'Entidad desvinculada', 'Desvinculação de entidade'),
  t('sale_field_changed', 'Изменение поля «Бюджет»', 'Sale field changed', 'Cambio del campo "Venta"', 'Alteração no campo "Venda"'),
  t('name_field_changed', 'Изменение поля «Название»', 'Name field changed', 'Cambio del campo "Nombre"', 'Alteração no campo "Nome"'),
  t('custom_field_value_changed', 'Изменение поля', 'Custom field changed', 'Cambio del campo personalizado', 'Alteração de campo personalizado'),
  t('entity_responsible_changed', 'Смена ответственного', 'Responsible user changed', 'Us. resp. cambiado', 'Alteração de usuário responsável'),
  t('common_note_added', 'Новое примечание', 'New note', 'Nueva nota', 'Nova anotação'),
  t('attachment_note_added', 'Добавлен файл', 'File attached', 'Nuevo archivo adjunto', 'Novo anexo'),
];

export const EVENT_TYPE_KEYS = new Set(EVENT_TYPES.map((entry) => entry.key));

/** Known keys, and the per-field form amoCRM also takes in `filter[type]`. */
export function isEventType(key: string): boolean {
  return EVENT_TYPE_KEYS.has(key) || /^custom_field_\d+_value_changed$/.test(key);
}
