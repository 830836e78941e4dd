// Turns amoCRM's REST rows into the comparable LeadView, for both baselines.

import { statusKind, type LeadView } from '../workloads/lead-view.js';
import type { Shape } from '../workloads/queries.js';

export interface Related {
  contacts: Map<number, any>;
  companies?: Map<number, any>;
  pipelines?: Map<number, any>;
  users?: Map<number, any>;
}

export function leadView(lead: any, related: Related, shape: Shape): LeadView {
  const links: any[] = lead._embedded?.contacts ?? [];
  const view: LeadView = {
    id: lead.id,
    name: lead.name,
    contacts: links
      .filter((link) => related.contacts.has(link.id))
      .map((link) => ({ id: link.id, name: related.contacts.get(link.id).name, isMain: link.is_main })),
  };
  if (shape === 'names') return view;
  view.price = lead.price;
  const pipeline = related.pipelines?.get(lead.pipeline_id);
  const status = pipeline?._embedded?.statuses?.find((item: any) => item.id === lead.status_id);
  view.status = status
    ? { id: status.id, name: status.name, kind: statusKind(status.id, status.type), pipeline: { id: pipeline.id, name: pipeline.name } }
    : null;
  const user = related.users?.get(lead.responsible_user_id);
  view.user = user ? { id: user.id, name: user.name } : null;
  const companyId = lead._embedded?.companies?.[0]?.id;
  const company = companyId === undefined ? undefined : related.companies?.get(companyId);
  view.company = company ? { id: company.id, name: company.name } : null;
  view.fields = (lead.custom_fields_values ?? []).map((field: any) => ({ id: field.field_id, name: field.field_name, values: field.values.length }));
  return view;
}

export const byId = (rows: readonly any[]) => new Map<number, any>(rows.map((row) => [row.id, row]));
