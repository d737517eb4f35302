package io.tally.lambda.merchant;

import io.tally.domain.ledger.RequestInfo;
import io.tally.lambda.http.MerchantRequest;
import java.util.Optional;

/** The per-request attributes of the context headers, as the domain records them on ledger entries. */
final class Requests {
    private Requests() {
    }

    /** externalTransactionId, note, the response's requestRef and customRequestId (the ledger's idempotency key). */
    static RequestInfo info(MerchantRequest r) {
        return new RequestInfo(r.header("externaltransactionid"), r.header("note"), r.requestRef(), r.header("customrequestid"));
    }

    /**
     * The same without customRequestId, for methods whose id the API claims itself (the domain would otherwise
     * claim the same id a second time, with its own fingerprint, and refuse it as reused).
     */
    static RequestInfo infoWithoutRequestId(MerchantRequest r) {
        return new RequestInfo(r.header("externaltransactionid"), r.header("note"), r.requestRef(), Optional.empty());
    }
}
