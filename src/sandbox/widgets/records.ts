// The rows behind /api/v4/widgets: the widgets an account can see (public ones, those installed,
// private ones uploaded by a user) and, once installed, their settings.

export type WidgetSettingType = 'text' | 'pass' | 'custom' | 'users' | 'users_lp';

export interface WidgetSettingTemplate {
  key: string;
  name: string;
  type: WidgetSettingType;
  is_required: boolean;
}

export interface WidgetRecord {
  id: number;
  code: string;
  version: string;
  rating: string | number;
  settings_template: WidgetSettingTemplate[];
  is_lead_source: boolean;
  is_work_with_dp: boolean;
  is_crm_template: boolean;
  client_uuid: string | null;
  is_active_in_account: boolean;
  pipeline_id: number | null;
  /** Stored settings; amoCRM answers them only to the widget's own integration. */
  settings: Record<string, unknown> | null;
  /** Sandbox bookkeeping, never rendered: public widgets are seen by all, private ones by their uploader. */
  visibility: 'public' | 'private';
  uploaded_by: number | null;
  /** The sandbox token's own integration made this widget (so it sees its settings). */
  own: boolean;
}
