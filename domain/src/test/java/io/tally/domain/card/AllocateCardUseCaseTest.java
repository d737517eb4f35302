package io.tally.domain.card;

import static io.tally.domain.fakes.TestWorld.BRAND;
import static io.tally.domain.fakes.TestWorld.OTHER_BRAND;
import static io.tally.domain.fakes.TestWorld.SET;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tally.domain.card.AllocateCardUseCase.AllocateCardCommand;
import io.tally.domain.fakes.TestWorld;
import io.tally.domain.program.CardSetId;
import io.tally.domain.shared.Outcome;
import io.tally.domain.shared.Reason;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AllocateCardUseCaseTest {
    private final TestWorld w = new TestWorld();

    private static Reason reason(Outcome<?> o) {
        return ((Outcome.Rejected<?>) o).rejection().reason();
    }

    @Test
    void allocates_from_the_pool_once_with_a_pin_returned_once() {
        CardNumber pooled = w.poolCard(BRAND);

        AllocateCardUseCase.AllocatedCard a = w.allocate.allocate(new AllocateCardCommand(BRAND, Optional.of(SET), Optional.empty())).value();

        assertEquals(pooled, a.card().number());
        assertEquals(CardStatus.ACTIVE, a.card().status());
        assertTrue(Pins.matches(w.cards.load(BRAND, pooled).orElseThrow(), a.pin()));
        assertFalse(a.toString().contains(a.pin()));
        assertEquals(Reason.CARD_SET_EXHAUSTED, reason(w.allocate.allocate(new AllocateCardCommand(BRAND, Optional.of(SET), Optional.empty()))));
    }

    @Test
    void allocates_a_specific_card_only_while_it_is_unallocated() {
        CardNumber pooled = w.poolCard(BRAND);
        AllocateCardCommand specific = new AllocateCardCommand(BRAND, Optional.empty(), Optional.of(pooled));

        assertTrue(w.allocate.allocate(specific).isAccepted());
        assertEquals(Reason.CARD_ALREADY_ALLOCATED, reason(w.allocate.allocate(specific)));
        assertEquals(Reason.CARD_NOT_FOUND, reason(w.allocate.allocate(new AllocateCardCommand(OTHER_BRAND, Optional.empty(), Optional.of(pooled)))));
        assertEquals(Reason.UNKNOWN_CARD_SET, reason(w.allocate.allocate(new AllocateCardCommand(BRAND, Optional.of(new CardSetId("nope")), Optional.empty()))));
        assertEquals(Reason.INVALID_REQUEST, reason(w.allocate.allocate(new AllocateCardCommand(BRAND, Optional.empty(), Optional.empty()))));
    }

    @Test
    void mints_a_virtual_card_when_told_to_and_the_pool_is_empty() {
        AllocateCardUseCase minting = new AllocateCardUseCase(w.cards, w.programs, w.random, w.clock, AllocateCardUseCase.WhenPoolEmpty.MINT);

        AllocateCardUseCase.AllocatedCard a = minting.allocate(new AllocateCardCommand(BRAND, Optional.of(SET), Optional.empty())).value();

        assertEquals(CardStatus.ACTIVE, w.cards.load(BRAND, a.card().number()).orElseThrow().status());
        assertTrue(a.card().number().value().startsWith("6036"));
    }
}
