package io.tally.domain.enrollment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tally.domain.card.CardNumber;
import io.tally.domain.card.CardStatus;
import io.tally.domain.card.Pins;
import io.tally.domain.enrollment.EnrollUseCase.Result;
import io.tally.domain.fakes.Crash;
import io.tally.domain.fakes.InMemoryMemberStores;
import io.tally.domain.fakes.MemberWorld;
import io.tally.domain.fakes.TestWorld;
import io.tally.domain.fakes.WriteFaults;
import io.tally.domain.member.ContactKey;
import io.tally.domain.member.EnrollmentRecord;
import io.tally.domain.member.LinkTokens;
import io.tally.domain.shared.Sealer;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Issue 9, finding 6: an enrollment that dies part-way is completed by the retry: no allocated card without its
 * member, no contact bound to a card nobody holds, and the referral reward exactly once. Also: who is shown the PIN,
 * a form submitted twice at once, and a phone that another member took meanwhile.
 */
class EnrollmentRecoveryTest {
    private final WriteFaults faults = new WriteFaults();
    private final MemberWorld m = new MemberWorld(Optional.of(faults));
    private final TestWorld world = m.world;
    private final InMemoryMemberStores stores = m.stores;
    private final LinkTokens links = m.links;

    private Result join(String email, String phone, Optional<String> ref) {
        return m.join(Map.of("firstName", "Ada", "email", email, "phone", phone), ref, "browser-1");
    }

    private List<CardNumber> activeCards() {
        return world.cards.numbersInCardSet(TestWorld.BRAND, TestWorld.SET).stream()
                .filter(n -> world.cards.load(TestWorld.BRAND, n).orElseThrow().status() == CardStatus.ACTIVE).toList();
    }

    @Test
    void a_crash_at_claiming_the_email_leaves_no_orphan_card() {
        stores.crashNextDirectoryClaims(1);
        assertThrows(Crash.class, () -> join("ada@example.com", "+1 555 0100", Optional.empty()));

        Result.Enrolled ada = assertInstanceOf(Result.Enrolled.class, join("ada@example.com", "+1 555 0100", Optional.empty()));

        assertEquals(List.of(ada.card()), activeCards(), "one card, and it is the member's");
        assertTrue(world.cards.load(TestWorld.BRAND, ada.card()).orElseThrow().enrolled());
    }

    @Test
    void a_crash_between_claiming_the_email_and_storing_the_member_is_completed_by_the_resubmission() {
        world.cards.crashNextUpdates(1);
        assertThrows(Crash.class, () -> join("ada@example.com", "+1 555 0100", Optional.empty()));

        Result.Enrolled ada = assertInstanceOf(Result.Enrolled.class, join("ada@example.com", "+1 555 0100", Optional.empty()));

        assertEquals(Optional.of(ada.card()), stores.find(TestWorld.BRAND, ContactKey.email("ada@example.com")));
        assertTrue(world.cards.load(TestWorld.BRAND, ada.card()).orElseThrow().enrolled());
        assertEquals(List.of(ada.card()), activeCards());
    }

    @Test
    void a_referred_friend_whose_enrollment_crashed_is_rewarded_exactly_once_by_the_retry() {
        Result.Enrolled ada = assertInstanceOf(Result.Enrolled.class, join("ada@example.com", "+1 555 0100", Optional.empty()));
        String token = links.referral(TestWorld.BRAND, ada.card(), "bob@example.com", world.clock.instant());
        world.cards.crashNextUpdates(1);
        assertThrows(Crash.class, () -> join("bob@example.com", "+1 555 0200", Optional.of(token)));

        Result.Enrolled bob = assertInstanceOf(Result.Enrolled.class, join("bob@example.com", "+1 555 0200", Optional.of(token)));
        join("bob@example.com", "+1 555 0200", Optional.of(token));

        assertEquals(100, points(ada.card()), "the sender's reward, once");
        assertEquals(50, points(bob.card()), "the friend's reward, once");
    }

    @Test
    void the_chosen_pin_rests_sealed_in_the_record_and_the_retry_shows_that_same_pin() {
        faults.crashAfterWrite(4); // e-mail claimed, card chosen, phone claimed, card written: then the process dies
        assertThrows(Crash.class, () -> join("ada@example.com", "+1 555 0100", Optional.empty()));
        EnrollmentRecord pending = stores.enrollment(TestWorld.BRAND, ContactKey.email("ada@example.com")).orElseThrow();
        String sealed = pending.pin().orElseThrow().sealed();
        assertTrue(Sealer.isSealed(sealed), sealed);

        Result.Enrolled ada = assertInstanceOf(Result.Enrolled.class, join("ada@example.com", "+1 555 0100", Optional.empty()));

        assertEquals(pending.card(), Optional.of(ada.card()));
        assertEquals(Optional.of(ada.pin()), m.steps.pin(pending));
        assertTrue(Pins.matches(world.cards.load(TestWorld.BRAND, ada.card()).orElseThrow(), ada.pin()));
    }

    @Test
    void only_the_same_browser_with_the_same_form_is_shown_the_pin_again_and_only_for_a_while() {
        faults.crashAfterWrite(5);
        assertThrows(Crash.class, () -> join("ada@example.com", "+1 555 0100", Optional.empty()));
        Map<String, String> form = Map.of("firstName", "Ada", "email", "ada@example.com", "phone", "+1 555 0100");

        assertInstanceOf(Result.AlreadyMember.class, m.join(form, Optional.empty(), "browser-2"), "another browser");
        assertInstanceOf(Result.AlreadyMember.class, m.join(Map.of("firstName", "Eve", "email", "ada@example.com",
                "phone", "+1 555 0100"), Optional.empty(), "browser-1"), "another form");
        Result.Enrolled ada = assertInstanceOf(Result.Enrolled.class, m.join(form, Optional.empty(), "browser-1"));
        assertEquals(List.of(ada.card()), activeCards());

        world.clock.advance(EnrollmentSteps.REVEAL_WINDOW);
        assertInstanceOf(Result.AlreadyMember.class, m.join(form, Optional.empty(), "browser-1"), "shown for a while only");
    }

    @Test
    void a_form_submitted_twice_at_once_allocates_one_card_and_both_pages_show_it() throws Exception {
        CardNumber pooled = world.poolCard(TestWorld.BRAND);
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch goOn = new CountDownLatch(1);
        world.cards.pauseNextAllocate(entered, goOn);
        ExecutorService first = Executors.newSingleThreadExecutor();
        try {
            Future<Result> slow = first.submit(() -> join("ada@example.com", "+1 555 0100", Optional.empty()));
            assertTrue(entered.await(5, TimeUnit.SECONDS), "the first submission chose a card and is about to write it");

            Result.Enrolled second = assertInstanceOf(Result.Enrolled.class, join("ada@example.com", "+1 555 0100", Optional.empty()));
            goOn.countDown();
            Result.Enrolled firstPage = assertInstanceOf(Result.Enrolled.class, slow.get(10, TimeUnit.SECONDS));

            assertEquals(pooled, second.card());
            assertEquals(second.card(), firstPage.card());
            assertEquals(second.pin(), firstPage.pin());
            assertEquals(List.of(pooled), activeCards());
        } finally {
            goOn.countDown();
            first.shutdownNow();
        }
    }

    @Test
    void a_phone_that_another_member_took_meanwhile_ends_the_enrollment_before_any_card_is_written() {
        faults.crashAfterWrite(1); // only the e-mail claimed
        assertThrows(Crash.class, () -> join("ada@example.com", "+1 555 0100", Optional.empty()));
        Result.Enrolled cy = assertInstanceOf(Result.Enrolled.class, join("cy@example.com", "+1 555 0100", Optional.empty()));

        assertInstanceOf(Result.AlreadyMember.class, join("ada@example.com", "+1 555 0100", Optional.empty()));

        assertEquals(List.of(cy.card()), activeCards(), "no card for the enrollment that could not finish");
        assertTrue(stores.enrollment(TestWorld.BRAND, ContactKey.email("ada@example.com")).isEmpty(), "its e-mail is free again");
        assertInstanceOf(Result.Enrolled.class, join("ada@example.com", "+1 555 0199", Optional.empty()), "with her own phone");
    }

    private long points(CardNumber card) {
        return world.ledger.head(TestWorld.BRAND, card).map(e -> e.stateAfter().balance(TestWorld.POINTS).total()).orElse(0L);
    }
}
