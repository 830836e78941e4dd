// The amoCRM API v4 sandbox: an in-memory emulator over plain HTTP, seeded with a deterministic
// demo account. It is the gateway's default upstream and every test's double.

export { createSandbox, type Sandbox, type SandboxOptions, type SandboxWebhooks } from './sandbox.js';
export type { WebhookDelivery, WebhookPoster } from './webhooks/emitter.js';
export type { SandboxActions } from './webhooks/actions.js';
export { WEBHOOK_SETTINGS, type WebhookSetting } from './webhooks/settings.js';
export type { ListeningServer } from './http/listen.js';
export type { InterceptedRequest, InterceptorResponse, SandboxInterceptor } from './http/intercept.js';
export {
  describeFaults,
  InvalidFaultsError,
  FAULTS_PATH,
  nginxHtml,
  type BanSetting,
  type ErrorAfterCommitSetting,
  type ErrorBody,
  type ErrorRateSetting,
  type FaultName,
  type Faults,
  type FaultSettings,
  type FaultUpdate,
  type LatencySetting,
  type RateLimitSetting,
  type ResetRateSetting,
  type ShuffleSetting,
} from './faults/index.js';
export type { LoggedRequest, RequestFilter, RequestLog } from './http/request-log.js';
export {
  OAUTH_PATHS,
  OAUTH_PROBLEM_TYPE,
  type AccessTokenClaims,
  type GrantState,
  type OAuthOptions,
  type SandboxOAuth,
  type WidgetTokenClaims,
  type WidgetTokenOptions,
} from './oauth/index.js';
export type { EntityRef, LinkedEntity, LinkIndex, LinkRecord } from './links.js';
export type * from './records.js';
export { findStatus, type SandboxStore } from './store.js';
export type { Table } from './table.js';
export { FIELD_IDS } from './seed/custom-fields.js';
export {
  ACCOUNT_ID,
  COUNTS,
  FIRST_COMPANY_ID,
  FIRST_CONTACT_ID,
  FIRST_LEAD_ID,
  GROUP_IDS,
  LOST_STATUS_ID,
  PIPELINE_IDS,
  ROLE_IDS,
  SEED_EPOCH,
  USER_IDS,
  WON_STATUS_ID,
} from './seed/ids.js';
