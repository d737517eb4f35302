package io.tally.lambda.merchant;

import io.tally.domain.ledger.RequestInfo;
import io.tally.lambda.http.IdempotentCall;
import io.tally.lambda.http.MerchantRequest;
import java.util.Optional;

/** The per-request attributes of the context headers, as the domain records them on ledger entries. */
final class Requests {
    private Requests() {
    }

    /** externalTransactionId, note, the response's requestRef and customRequestId (the ledger's idempotency key). */
    static RequestInfo info(MerchantRequest r) {
        return new RequestInfo(r.header("externaltransactionid"), r.header("note"), r.requestRef(), r.header("customrequestid"),
                r.idempotency().flatMap(IdempotentCall::resumeSince));
    }

    /** The same without customRequestId, for methods that write no ledger entry of the request's own. */
    static RequestInfo infoWithoutRequestId(MerchantRequest r) {
        return new RequestInfo(r.header("externaltransactionid"), r.header("note"), r.requestRef(), Optional.empty(),
                Optional.empty());
    }
}
