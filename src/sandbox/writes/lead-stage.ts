// Where a lead sits: the stages amoCRM moves it to by default and the rules for choosing one.
// A new lead goes to the main pipeline's first working stage (the one after the incoming stage);
// the incoming stage itself is reached only through unsorted (complex metadata, forms, sip).

import type { LeadRecord, PipelineRecord, StatusRecord } from '../records.js';
import type { SandboxStore } from '../store.js';
import { LOST_STATUS_ID, WON_STATUS_ID } from '../seed/ids.js';
import type { Issues } from './issues.js';
import { readId, readInt } from './scalars.js';

export const isClosed = (statusId: number) => statusId === WON_STATUS_ID || statusId === LOST_STATUS_ID;

export function mainPipeline(store: SandboxStore): PipelineRecord {
  const pipelines = store.pipelines.values();
  return pipelines.find((pipeline) => pipeline.is_main) ?? pipelines[0]!;
}

export function incomingStage(pipeline: PipelineRecord): StatusRecord {
  return pipeline.statuses.find((status) => status.type === 1) ?? pipeline.statuses[0]!;
}

export function firstWorkingStage(pipeline: PipelineRecord): StatusRecord {
  return pipeline.statuses.find((status) => status.type === 0 && !isClosed(status.id)) ?? pipeline.statuses[0]!;
}

export interface StageChange {
  pipeline_id: number;
  status_id: number;
  closed_at: number | null;
  loss_reason_id: number | null;
}

/**
 * The lead's pipeline, status, closed_at and loss reason after a write of `item` (create when
 * `current` is absent), or undefined when nothing about them changes or an issue was recorded.
 * `incomingIn` forces the incoming stage of that pipeline (unsorted leads), ignoring any status.
 */
export function readStage(
  store: SandboxStore,
  item: Record<string, unknown>,
  issues: Issues,
  options: { current?: LeadRecord; now: number; incomingIn?: PipelineRecord },
): StageChange | undefined {
  const { current, now } = options;
  const before = issues.count;
  // Unsorted leads: the entry's pipeline decides and any stage given is ignored (§3.2).
  const pipelineId = options.incomingIn ? undefined : readId(item, 'pipeline_id', issues);
  const statusId = options.incomingIn ? undefined : readInt(item, 'status_id', issues, { min: 1 });
  const closedAt = readInt(item, 'closed_at', issues, { nullable: true });
  const lossReasonId = readId(item, 'loss_reason_id', issues, { nullable: true });
  if (issues.count > before) return undefined;
  if (lossReasonId !== undefined && lossReasonId !== null && !store.lossReasons.has(lossReasonId)) {
    issues.add('NotSupportedChoice', 'loss_reason_id', `no loss reason ${lossReasonId}`);
    return undefined;
  }

  let pipeline: PipelineRecord | undefined;
  let status: StatusRecord | undefined;
  if (options.incomingIn) {
    pipeline = options.incomingIn;
    status = incomingStage(pipeline);
  } else {
    if (pipelineId !== undefined && pipelineId !== null) {
      pipeline = store.pipelines.get(pipelineId);
      if (!pipeline) {
        issues.add('NotSupportedChoice', 'pipeline_id', `no pipeline ${pipelineId}`);
        return undefined;
      }
    } else if (current) {
      pipeline = store.pipelines.get(current.pipeline_id);
    } else if (statusId !== undefined && statusId !== null && !isClosed(statusId)) {
      // A status id names its pipeline, except the shared 142/143 (the main pipeline's then).
      pipeline = store.pipelines.values().find((candidate) => candidate.statuses.some((stage) => stage.id === statusId));
    }
    pipeline ??= mainPipeline(store);

    if (statusId !== undefined && statusId !== null) {
      status = pipeline.statuses.find((stage) => stage.id === statusId);
      if (!status) {
        issues.add('NotSupportedChoice', 'status_id', `pipeline ${pipeline.id} has no status ${statusId}`);
        return undefined;
      }
    } else if (current && current.pipeline_id === pipeline.id) {
      status = pipeline.statuses.find((stage) => stage.id === current.status_id);
    }
    status ??= firstWorkingStage(pipeline);
    const unchanged = current && current.pipeline_id === pipeline.id && current.status_id === status.id;
    if (status.type === 1 && !unchanged) {
      issues.add('NotSupportedChoice', 'status_id', `status ${status.id} is the incoming stage; leads get there only as unsorted entries`);
      return undefined;
    }
  }

  const moved = !current || current.pipeline_id !== pipeline.id || current.status_id !== status.id;
  if (!moved && closedAt === undefined && lossReasonId === undefined) return undefined;
  const wasClosed = current ? isClosed(current.status_id) : false;
  const sameStatus = current?.status_id === status.id;
  // Closing stamps the time, reopening clears it; an explicit closed_at always wins.
  const closedAtNext =
    closedAt !== undefined ? closedAt : isClosed(status.id) ? (sameStatus ? (current?.closed_at ?? now) : now) : wasClosed ? null : (current?.closed_at ?? null);
  // A lead taken out of "lost" loses its reason unless one is given.
  const leavesLost = current?.status_id === LOST_STATUS_ID && status.id !== LOST_STATUS_ID;
  const lossReasonNext = lossReasonId !== undefined ? lossReasonId : leavesLost ? null : (current?.loss_reason_id ?? null);
  return { pipeline_id: pipeline.id, status_id: status.id, closed_at: closedAtNext, loss_reason_id: lossReasonNext };
}
