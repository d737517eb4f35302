package io.tally.backoffice.wiring;

import io.tally.sqs.obs.LedgerMoneyMetrics;
import io.tally.domain.backoffice.CardActionsUseCase;
import io.tally.domain.email.EmailOutboxPort;
import io.tally.domain.event.PublishEventPort;
import io.tally.domain.ledger.AdjustUseCase;
import io.tally.domain.ledger.CardLedgerWriter;
import io.tally.domain.ledger.UpdateAccountUseCase;
import io.tally.domain.ledger.VoidUseCase;
import io.tally.domain.member.LinkTokens;
import io.tally.domain.shared.Backoff;
import io.tally.domain.shared.RandomSource;
import io.tally.domain.shared.RetryPolicy;
import io.tally.domain.shared.SignedTokens;
import io.tally.dynamo.store.DynamoStorage;
import java.time.Clock;

/** The card actions' graph: the ledger's writer with the shared event publisher, the e-mail outbox, card locations. */
final class ActionsWiring {
    /** As the merchant API's writers retry a lost race (AppModule). */
    private static final int MAX_WRITE_ATTEMPTS = 8;

    private ActionsWiring() {
    }

    /** {@code portalTokens}: the portal's signing secret (the welcome e-mail's preferences link). */
    static CardActionsUseCase cardActions(DynamoStorage storage, SignedTokens portalTokens, PublishEventPort events,
                                          EmailOutboxPort outbox, RandomSource random, Clock clock) {
        RetryPolicy retry = RetryPolicy.of(MAX_WRITE_ATTEMPTS, Backoff.jittered(random, 2, 50, Backoff.Sleeper.THREAD));
        CardLedgerWriter writer = new CardLedgerWriter(storage.cards(), storage.cardLedger(), new LedgerMoneyMetrics(events), clock, random, retry);
        return new CardActionsUseCase(
                new CardActionsUseCase.Ports(storage.cards(), storage.cardLocations(), storage.cardLedger(), storage.programs(),
                        storage.auditLog(), outbox, storage.portalConfigs()),
                new CardActionsUseCase.Rules(new AdjustUseCase(writer, storage.programs()), new VoidUseCase(writer, storage.cardLedger()),
                        new UpdateAccountUseCase(storage.cards(), writer, retry, storage.portalConfigs(),
                                storage.brandSetup()), new LinkTokens(portalTokens)),
                random, clock, retry);
    }
}
