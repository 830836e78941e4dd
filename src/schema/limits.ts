// amoCRM refuses some reads to non-administrators (403) or on plans without them (402). Such a
// refusal keeps its upstream code but says which limit applies, so a client can tell "not
// allowed here" from "broken".

import { GraphQLError } from 'graphql';
import { AmoForbiddenError, AmoPaymentRequiredError } from '../rest/errors.js';

export async function explainLimit<T>(work: Promise<T>, limitation: string): Promise<T> {
  try {
    return await work;
  } catch (error) {
    const refused = error instanceof AmoForbiddenError ? !error.looksLikeBan : error instanceof AmoPaymentRequiredError;
    if (!refused) throw error;
    const amo = error as AmoForbiddenError | AmoPaymentRequiredError;
    // The REST core already named the endpoint's documented limit in the message.
    throw new GraphQLError(amo.limitation ? amo.message : `${amo.message}: ${limitation}`, {
      extensions: {
        code: amo.code,
        limitation: amo.limitation ?? limitation,
        upstream: { status: amo.info.status, requestId: amo.info.requestId, method: amo.info.method, path: amo.info.path },
      },
    });
  }
}
