package io.tally.backoffice.wiring;

import io.tally.domain.backoffice.CardActionsUseCase;
import io.tally.domain.card.CardLocationsPort;
import io.tally.domain.card.CardNumber;
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
import io.tally.domain.tenant.BrandId;
import io.tally.domain.tenant.LocationId;
import io.tally.dynamo.store.DynamoStorage;
import java.time.Clock;
import java.util.Set;

/**
 * The card actions' graph. Two stand-ins until the shared SQS adapters reach the back office (issue 12's
 * {@code adapters-sqs}): events are left to the ledger's outbox (the publisher refuses, so the fast path leaves the
 * entries there and the event-relay job publishes them within a minute), and the e-mail outbox refuses (the welcome
 * resend answers an error). A manager's card scope needs the card locations adapter ({@code DynamoStorage.cardLocations},
 * helper search): until then no card is in a manager's scope (brand-wide roles are not affected).
 */
final class ActionsWiring {
    /** As the merchant API's writers retry a lost race (AppModule). */
    private static final int MAX_WRITE_ATTEMPTS = 8;

    private ActionsWiring() {
    }

    static CardActionsUseCase cardActions(DynamoStorage storage, SignedTokens tokens, RandomSource random, Clock clock) {
        RetryPolicy retry = RetryPolicy.of(MAX_WRITE_ATTEMPTS, Backoff.jittered(random, 2, 50, Backoff.Sleeper.THREAD));
        PublishEventPort outboxOnly = events -> {
            throw new IllegalStateException("the back office publishes through the ledger's outbox (event relay)");
        };
        EmailOutboxPort noMail = message -> {
            throw new IllegalStateException("no e-mail queue is wired to the back office yet");
        };
        CardLocationsPort noLocations = new CardLocationsPort() {
            @Override
            public void link(BrandId brand, CardNumber card, LocationId location) {
                throw new UnsupportedOperationException("the back office only reads card locations");
            }

            @Override
            public Set<LocationId> locations(BrandId brand, CardNumber card) {
                return Set.of();
            }
        };
        CardLedgerWriter writer = new CardLedgerWriter(storage.cards(), storage.cardLedger(), outboxOnly, clock, random, retry);
        return new CardActionsUseCase(
                new CardActionsUseCase.Ports(storage.cards(), noLocations, storage.cardLedger(), storage.programs(),
                        storage.auditLog(), noMail, storage.portalConfigs()),
                new CardActionsUseCase.Rules(new AdjustUseCase(writer, storage.programs()), new VoidUseCase(writer, storage.cardLedger()),
                        new UpdateAccountUseCase(storage.cards(), writer, retry, storage.portalConfigs()), new LinkTokens(tokens)),
                random, clock, retry);
    }
}
