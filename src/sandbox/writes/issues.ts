// Per-item validation errors, collected for a whole batch before anything is written, and the
// 400 amoCRM answers with them (§6.1): `validation-errors[{ request_id, errors[{code, path, detail}] }]`.
//
// Codes (amoCRM's are Symfony-validator names; only NotSupportedChoice is confirmed upstream):
//   NotBlank            a required value is missing (an update without `id`, a form's `form_id`)
//   InvalidType         a value of the wrong JSON type or format (a string where an int goes, a bad date)
//   NotSupportedChoice  a value outside the allowed set: unknown field, enum, status, user, linked id
//   NotFound            the entity an update names does not exist or is deleted
//   TooMany             more items than the endpoint takes in one place (two contacts in a complex lead)

import { HttpProblem } from '../http/problem.js';

export type IssueCode = 'NotBlank' | 'InvalidType' | 'NotSupportedChoice' | 'NotFound' | 'TooMany';

export interface Issue {
  code: IssueCode;
  /** Dotted into the item: `custom_fields_values.3.values.0.value`. */
  path: string;
  detail: string;
}

/** A view of one item's error list; `under` narrows paths without copying. */
export interface Issues {
  add(code: IssueCode, path: string, detail: string): void;
  under(prefix: string | number): Issues;
  /** Errors in the whole item so far (not only under this view), to tell whether a step added any. */
  readonly count: number;
}

export interface ItemIssues {
  request_id: string;
  errors: Issue[];
}

function view(list: Issue[], prefix: string): Issues {
  const join = (path: string) => (prefix === '' ? path : path === '' ? prefix : `${prefix}.${path}`);
  return {
    add: (code, path, detail) => {
      list.push({ code, path: join(path), detail });
    },
    under: (sub) => view(list, join(String(sub))),
    get count() {
      return list.length;
    },
  };
}

export function createIssues(): Issues & { readonly list: Issue[] } {
  const list: Issue[] = [];
  return Object.assign(view(list, ''), { list });
}

/** The batch's 400: every invalid item, by its request_id. Nothing was written. */
export function validationFailed(items: readonly ItemIssues[]): HttpProblem {
  return new HttpProblem(400, 'Request validation failed', { extra: { 'validation-errors': items } });
}

/** Validates every item first and throws the 400 if any failed, so the caller writes all or nothing. */
export function validateAll<T>(
  items: readonly unknown[],
  check: (item: unknown, index: number, issues: Issues) => T,
  options: { byPosition?: boolean } = {},
): T[] {
  const failed: ItemIssues[] = [];
  const drafts = items.map((item, index) => {
    const issues = createIssues();
    const draft = check(item, index, issues);
    // Endpoints without request_id (links) name items by position.
    if (issues.list.length > 0) failed.push({ request_id: options.byPosition ? String(index) : requestIdOf(item, index), errors: issues.list });
    return draft;
  });
  if (failed.length > 0) throw validationFailed(failed);
  return drafts;
}

/**
 * The item's own `request_id`, echoed as given; amoCRM uses the array index when there is none.
 * A number is echoed as its string; one JSON cannot echo back (`1e999` parses to Infinity) counts
 * as none.
 */
export function requestIdOf(item: unknown, index: number): string {
  const given = isRecord(item) ? item.request_id : undefined;
  return typeof given === 'string' || (typeof given === 'number' && Number.isFinite(given)) ? String(given) : String(index);
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
