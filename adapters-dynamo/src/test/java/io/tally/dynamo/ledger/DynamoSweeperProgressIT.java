package io.tally.dynamo.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tally.domain.card.CardNumber;
import io.tally.domain.ledger.HoldUseCase;
import io.tally.domain.ledger.IssueUseCase;
import io.tally.domain.ledger.ReleaseHoldUseCase;
import io.tally.domain.ledger.SweepDueCardsUseCase;
import io.tally.domain.shared.Backoff;
import io.tally.domain.shared.RetryPolicy;
import io.tally.domain.tenant.BrandId;
import io.tally.dynamo.testing.DynaliteExtension;
import io.tally.dynamo.testing.DynamoTestTable;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 9, finding 3, on dynalite: a card whose history left many superseded entries in the sweeper's due index,
 * all due before everything else, must not end the run before the cards behind it are swept.
 */
@ExtendWith(DynaliteExtension.class)
class DynamoSweeperProgressIT {
    private static final int SHARDS = 8;

    @Test
    void superseded_due_entries_ahead_of_the_due_cards_never_end_a_run(DynamoTestTable table) {
        DynamoWorld w = new DynamoWorld(table, new BrandId("SWEEP"), RetryPolicy.of(8, Backoff.NONE), 17);
        Instant start = w.clock.instant();
        CardNumber busy = w.activeCard();
        int shard = shardOf(busy);
        w.issue.issue(new IssueUseCase.IssueCommand(w.context(), w.info(), busy, DynamoWorld.USD, 100_000,
                Optional.empty(), false, Optional.empty())).value();
        for (int i = 0; i < 150; i++) {
            // a hold released at once: its entry names a due instant (the lapse) that the release supersedes
            var hold = w.hold.hold(new HoldUseCase.HoldCommand(w.context(), w.info(), busy, DynamoWorld.USD, 1,
                    Optional.of(start.plus(Duration.ofDays(1)).minusSeconds(i)), false, Optional.empty())).value();
            w.release.release(new ReleaseHoldUseCase.ReleaseHoldCommand(w.context(), w.info(), busy, DynamoWorld.USD,
                    hold.transactionId(), Optional.empty())).value();
        }
        List<CardNumber> behind = new ArrayList<>();
        while (behind.size() < 5) {
            CardNumber card = w.activeCard();
            if (shardOf(card) == shard) {
                w.issue.issue(new IssueUseCase.IssueCommand(w.context(), w.info(), card, DynamoWorld.USD, 700,
                        Optional.of(start.plus(Duration.ofDays(2))), false, Optional.empty())).value();
                behind.add(card);
            }
        }
        w.clock.set(start.plus(Duration.ofDays(3)));

        new SweepDueCardsUseCase(w.ledger, w.expire, 4).sweep(w.clock.instant(), 2_000);

        for (CardNumber card : behind) {
            assertEquals(0, w.ledger.head(w.brand, card).orElseThrow().stateAfter().balance(DynamoWorld.USD).total(),
                    "swept in the same run");
        }
    }

    /** The due index's shard of a card (a stable hash of the number, as the adapter computes it). */
    private static int shardOf(CardNumber card) {
        return Math.floorMod(card.value().hashCode(), SHARDS);
    }
}
