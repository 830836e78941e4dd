// Fault injection for the sandbox: one file per fault, composed in injector.ts, carried out by the
// HTTP handler, switched from tests (`sandbox.faults`), the CLI and /__sandbox/faults.

export { InvalidFaultsError } from './check.js';
export { faultsFromFlags, FAULT_FLAGS, FAULT_FLAGS_HELP, type FaultFlagValues } from './cli.js';
export { faultControl, FAULTS_PATH } from './control.js';
export { describeFaults } from './describe.js';
export { nginxHtml, nginxPage } from './html.js';
export {
  checkFaultUpdate,
  createFaults,
  DEFAULT_FAULT_SEED,
  type FaultInjector,
  type Faults,
  type FaultSettings,
  type FaultUpdate,
} from './injector.js';
export type { ArrivingRequest, FaultAction, FaultName, FaultPlan } from './plan.js';
export type { ErrorAfterCommitSetting } from './after-commit.js';
export type { BanSetting } from './ban.js';
export type { ErrorBody, ErrorRateSetting } from './error-rate.js';
export type { LatencySetting } from './latency.js';
export type { RateLimitSetting } from './rate-limit.js';
export type { ResetRateSetting } from './reset.js';
export type { ShuffleSetting } from './shuffle.js';
