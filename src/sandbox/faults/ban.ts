// Ban: amoCRM's block after repeated rate-limit violations. Every API request gets nginx's 403
// page until the ban is lifted (`ban: false`) or, for `{ untilMs }`, that sandbox-clock time passes.

import { fail, number, record } from './check.js';
import { nginxPage } from './html.js';

export type BanSetting = boolean | { untilMs: number };

export function checkBan(value: unknown): BanSetting {
  if (typeof value === 'boolean') return value;
  if (typeof value !== 'object' || value === null) fail('ban', 'a boolean or { untilMs }', value);
  const until = record('ban', value, ['untilMs']);
  return { untilMs: number('ban.untilMs', until.untilMs, 0, Number.MAX_SAFE_INTEGER) };
}

/** Whether a ban holds at `at`; a timed ban that has run out no longer does. */
export const banHolds = (setting: BanSetting | undefined, at: number): boolean =>
  setting === true || (typeof setting === 'object' && at < setting.untilMs);

export const bannedReply = () => nginxPage(403);
