package io.tally.portal.wiring;

import io.tally.dynamo.store.DynamoStorage;

/**
 * Where the stored-value DynamoDB adapters plug in. They are being added to {@link DynamoStorage} on main
 * ({@code cards()}, {@code cardLedger()}, {@code idempotency()}); until they are merged into this branch the
 * portal on AWS has no card storage and says so at start-up instead of failing on the first request.
 */
final class CardStoresDynamo {
    private CardStoresDynamo() {
    }

    static CardStores of(DynamoStorage storage) {
        throw new IllegalStateException("the stored-value DynamoDB adapters (DynamoStorage.cards(), cardLedger(), "
                + "idempotency()) are not in this build yet");
    }
}
