// amoCRM's OAuth error bodies. Its token endpoint runs League's oauth2-server (refresh tokens start
// `def50200`, the hints are League's) and renders the errors as problem+json in Russian, with the
// League hint kept in English:
//   {"hint":"Token has been revoked","title":"Некорректный запрос",
//    "type":"https://developers.amocrm.ru/v3/errors/OAuthProblemJson","status":401,
//    "detail":"В запросе отсутствует ряд параметров или параметры невалидны"}
// League 7/8.0 answers refresh-token errors with 401 and request errors with 400; amoCRM kept that.

import { PROBLEM_JSON, type Reply } from '../http/reply.js';

export const OAUTH_PROBLEM_TYPE = 'https://developers.amocrm.ru/v3/errors/OAuthProblemJson';

const INVALID_REQUEST = { title: 'Некорректный запрос', detail: 'В запросе отсутствует ряд параметров или параметры невалидны' };

function oauthProblem(status: number, hint: string, text = INVALID_REQUEST): Reply {
  return {
    status,
    body: { hint, title: text.title, type: OAUTH_PROBLEM_TYPE, status, detail: text.detail },
    contentType: PROBLEM_JSON,
    headers: { 'cache-control': 'no-store', pragma: 'no-cache' },
  };
}

/** A missing or wrong parameter: "Check the `client_secret` parameter", "Authorization code has expired". */
export const invalidRequest = (hint: string): Reply => oauthProblem(400, hint);

/** A refresh token that is unknown, spent, expired or of a revoked grant. */
export const invalidRefreshToken = (hint: RefreshTokenHint): Reply => oauthProblem(401, hint);

/** League's hint for a grant_type it has no grant for; amoCRM's wording of this one was not seen. */
export const unsupportedGrantType = (): Reply => oauthProblem(400, 'Check that all required parameters have been provided');

export type RefreshTokenHint = 'Cannot decrypt the refresh token' | 'Token has expired' | 'Token has been revoked';
export type CodeHint = 'Cannot decrypt the authorization code' | 'Authorization code has expired' | 'Authorization code has been revoked';
