// The seam between the REST core and credentials. A strategy hands out the Authorization value
// for each request and decides what a 401 means: the OAuth strategy (its own issue) refreshes and
// asks for one replay; a long-lived token has nothing to refresh.

export interface AuthStrategy {
  /** The `Authorization` header value for the next request. */
  authorization(signal?: AbortSignal): Promise<string>;
  /**
   * Called after amoCRM answered 401 to a request made with `usedAuthorization`.
   * Resolve `true` to replay the request once with a fresh `authorization()`, `false` to report
   * the 401; reject to report something more precise (the grant is dead).
   */
  onUnauthorized?(usedAuthorization: string): Promise<boolean>;
}
