package io.tally.domain.communication;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.tally.domain.card.CardNumber;
import io.tally.domain.fakes.InMemoryTestLists;
import io.tally.domain.fakes.TestWorld;
import io.tally.domain.shared.Outcome;
import io.tally.domain.shared.Outcome.Rejected;
import io.tally.domain.staff.Role;
import io.tally.domain.staff.StaffId;
import io.tally.domain.staff.StaffScope;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Test lists hold only the brand's own cards, each once, at most 100; changes go over the version read. */
class TestListsUseCaseTest {
    private final TestWorld w = new TestWorld();
    private final TestListsUseCase useCase = new TestListsUseCase(new InMemoryTestLists(), w.cards, w.random, w.clock);
    private final StaffScope admin = StaffScope.brandWide(TestWorld.BRAND, new StaffId("s-1"), "a@x.example", Role.ADMIN);
    private final StaffScope analyst = StaffScope.brandWide(TestWorld.BRAND, new StaffId("s-2"), "b@x.example", Role.ANALYST);

    private static String refusal(Outcome<?> o) {
        return ((Rejected<?>) o).rejection().detail();
    }

    @Test
    void a_test_list_keeps_the_brands_cards_once_and_refuses_others() {
        CardNumber a = w.activeCard();
        CardNumber b = w.activeCard();
        CardNumber foreign = w.activeCard(TestWorld.OTHER_BRAND);
        TestList saved = useCase.save(admin, Optional.empty(), "QA", a.value() + "\n" + b.value() + ", " + a.value(), 0)
                .value();
        assertEquals(List.of(a, b), saved.cards());
        assertEquals("Not cards of this brand: " + foreign.value() + ", 12.",
                refusal(useCase.save(admin, Optional.of(saved.id()), "QA", foreign.value() + " 12", saved.version())));
        TestList changed = useCase.save(admin, Optional.of(saved.id()), "QA team", b.value(), saved.version()).value();
        assertEquals(List.of(b), changed.cards());
        assertEquals("Someone saved this test list since you opened it: open it again.",
                refusal(useCase.save(admin, Optional.of(saved.id()), "QA", "", saved.version())));
        assertFalse(useCase.save(analyst, Optional.empty(), "QA", "", 0).isAccepted());
        assertEquals(List.of(changed), useCase.list(admin));
    }
}
