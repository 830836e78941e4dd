// Typed reads of one note or task write item's fields, in amoCRM's (Symfony validator) wording,
// that record what is wrong instead of throwing, so a whole batch can be checked before anything is
// written (../writes/issues.ts). Absent and `null` optional fields read as "not given"; a required
// one missing or blank is `NotBlank`, a wrong JSON type `InvalidType`.

import { isRecord, type IssueCode, type Issues } from '../writes/issues.js';

export const NOT_A_CHOICE = 'The value you selected is not a valid choice.';

export interface FieldOptions {
  required?: boolean;
}

export interface FieldReader {
  text(key: string, options?: FieldOptions): string | undefined;
  int(key: string, options?: FieldOptions & { min?: number }): number | undefined;
  bool(key: string, options?: FieldOptions): boolean | undefined;
  object(key: string, options?: FieldOptions): Record<string, unknown> | undefined;
  /** A string or a finite number, kept as a string (coordinates). */
  numeric(key: string, options?: FieldOptions): string | undefined;
  /** A string or an integer (amoCRM takes a user id or a phone for `call_responsible`). */
  scalar(key: string, options?: FieldOptions): string | number | undefined;
  fail(code: IssueCode, key: string, detail: string): void;
}

/** A reader of `item`, recording into `issues` (narrowed with `issues.under` for a nested object). */
export function readFields(item: Record<string, unknown>, issues: Issues): FieldReader {
  const fail = (code: IssueCode, key: string, detail: string) => issues.add(code, key, detail);
  /** The value when given, `undefined` when absent (a NotBlank when required). */
  const given = (key: string, options: FieldOptions = {}): unknown => {
    const value = item[key];
    if (value === undefined || value === null) {
      if (options.required) fail('NotBlank', key, 'This value should not be blank.');
      return undefined;
    }
    return value;
  };
  const wrongType = (key: string, expected: string) => {
    fail('InvalidType', key, `This value should be of type ${expected}.`);
    return undefined;
  };

  return {
    text(key, options) {
      const value = given(key, options);
      if (value === undefined) return undefined;
      if (typeof value !== 'string') return wrongType(key, 'string');
      if (options?.required && value.trim() === '') {
        fail('NotBlank', key, 'This value should not be blank.');
        return undefined;
      }
      return value;
    },
    int(key, options) {
      const value = given(key, options);
      if (value === undefined) return undefined;
      if (typeof value !== 'number' || !Number.isSafeInteger(value)) return wrongType(key, 'int');
      if (options?.min !== undefined && value < options.min) {
        fail('InvalidType', key, `This value should be ${options.min} or more.`);
        return undefined;
      }
      return value;
    },
    bool(key, options) {
      const value = given(key, options);
      if (value === undefined) return undefined;
      return typeof value === 'boolean' ? value : wrongType(key, 'bool');
    },
    object(key, options) {
      const value = given(key, options);
      if (value === undefined) return undefined;
      return isRecord(value) ? value : wrongType(key, 'object');
    },
    numeric(key, options) {
      const value = given(key, options);
      if (value === undefined) return undefined;
      if (typeof value === 'number' && Number.isFinite(value)) return String(value);
      if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return value.trim();
      return wrongType(key, 'numeric');
    },
    scalar(key, options) {
      const value = given(key, options);
      if (value === undefined) return undefined;
      if (typeof value === 'string' || (typeof value === 'number' && Number.isSafeInteger(value))) return value;
      return wrongType(key, 'string or int');
    },
    fail,
  };
}

/** Whether a user may be named as creator or responsible: an existing user, or 0 (a robot). */
export function checkUser(read: FieldReader, key: string, users: { has(id: number): boolean }, options: { allowRobot?: boolean } = {}): number | undefined {
  const id = read.int(key);
  if (id === undefined) return undefined;
  if ((id === 0 && options.allowRobot) || users.has(id)) return id;
  read.fail('NotSupportedChoice', key, NOT_A_CHOICE);
  return undefined;
}
