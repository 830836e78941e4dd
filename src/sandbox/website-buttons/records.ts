// A website chat button (CRM plugin) row, keyed by the id of the lead source it feeds
// (`store.sources`), as amoCRM addresses it.

export interface WebsiteButtonRecord {
  /** The source id (`source_id` on the wire). */
  id: number;
  button_id: number;
  name: string;
  pipeline_id: number | null;
  is_duplication_control_enabled: boolean;
  /** Domains the button loads on; amoCRM does not answer them on reads. */
  trusted_websites: string[];
  is_used_in_app: boolean;
  /** amoCRM sets the plugin up after answering: until then reads say `creation_pending`. */
  ready_at: number;
  /** Domains accepted by PATCH but not yet applied, and when they will be. */
  pending_websites: { domains: string[]; at: number } | null;
  /** The online chat asked for by POST /online_chat, connected at `at`. */
  online_chat: { at: number } | null;
  is_deleted: boolean;
}
