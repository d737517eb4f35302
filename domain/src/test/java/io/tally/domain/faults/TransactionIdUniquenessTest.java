package io.tally.domain.faults;

import static io.tally.domain.fakes.TestWorld.USD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.tally.domain.card.CardNumber;
import io.tally.domain.fakes.SeededRandom;
import io.tally.domain.fakes.TestWorld;
import io.tally.domain.ledger.CardLedgerWriter;
import io.tally.domain.ledger.IssueUseCase;
import io.tally.domain.ledger.TransactionId;
import io.tally.domain.ledger.VoidUseCase;
import io.tally.domain.shared.Backoff;
import io.tally.domain.shared.RandomSource;
import io.tally.domain.shared.RetryPolicy;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Issue 9, finding 7: transaction ids are unique within a brand by construction, and a void by id alone can never
 * reach another card. The random source here repeats itself, as two Lambda containers restored from one SnapStart
 * snapshot with a cloned generator would.
 */
class TransactionIdUniquenessTest {
    private final TestWorld w = new TestWorld();

    /** Zeros for the first {@code repeats} draws, then a seeded generator. */
    static final class RepeatingRandom implements RandomSource {
        private final SeededRandom rest = new SeededRandom(11);
        private int repeats;

        RepeatingRandom(int repeats) {
            this.repeats = repeats;
        }

        @Override
        public synchronized void nextBytes(byte[] bytes) {
            if (repeats > 0) {
                repeats--;
                Arrays.fill(bytes, (byte) 0);
                return;
            }
            rest.nextBytes(bytes);
        }
    }

    @Test
    void two_cards_written_in_the_same_millisecond_by_generators_in_the_same_state_get_different_ids() {
        CardLedgerWriter writer = new CardLedgerWriter(w.cards, w.ledger, w.events, w.clock,
                new RepeatingRandom(2), RetryPolicy.of(8, Backoff.NONE));
        IssueUseCase issue = new IssueUseCase(writer, w.programs);
        CardNumber first = w.activeCard();
        CardNumber second = w.activeCard();

        TransactionId a = issue.issue(new IssueUseCase.IssueCommand(TestWorld.context(), w.info(), first, USD, 100,
                Optional.empty(), false, Optional.empty())).value().transactionId();
        TransactionId b = issue.issue(new IssueUseCase.IssueCommand(TestWorld.context(), w.info(), second, USD, 200,
                Optional.empty(), false, Optional.empty())).value().transactionId();

        assertNotEquals(a, b);
        w.voids.voidTransaction(new VoidUseCase.VoidCommand(TestWorld.context(), w.info(), Optional.empty(), b)).value();
        assertEquals(100, w.balance(first), "the void by id alone reached the card the id names");
        assertEquals(0, w.balance(second));
    }
}
