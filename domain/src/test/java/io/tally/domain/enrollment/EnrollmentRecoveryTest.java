package io.tally.domain.enrollment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tally.domain.card.AllocateCardUseCase;
import io.tally.domain.card.CardNumber;
import io.tally.domain.card.CardStatus;
import io.tally.domain.contract.PortalTestData;
import io.tally.domain.enrollment.EnrollUseCase.EnrollCommand;
import io.tally.domain.enrollment.EnrollUseCase.Result;
import io.tally.domain.fakes.Crash;
import io.tally.domain.fakes.InMemoryMemberStores;
import io.tally.domain.fakes.RecordingMail;
import io.tally.domain.fakes.TestWorld;
import io.tally.domain.member.ContactKey;
import io.tally.domain.member.LinkTokens;
import io.tally.domain.portal.PortalConfig;
import io.tally.domain.referral.RewardReferralUseCase;
import io.tally.domain.shared.SignedTokens;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Issue 9, finding 6: an enrollment that dies part-way is completed by the retry: no allocated card without its
 * member, no contact bound to a card nobody holds, and the referral reward exactly once.
 */
class EnrollmentRecoveryTest {
    private final TestWorld world = new TestWorld();
    private final InMemoryMemberStores stores = new InMemoryMemberStores();
    private final RecordingMail mail = new RecordingMail();
    private final LinkTokens links = new LinkTokens(new SignedTokens(new byte[32]));
    private final PortalConfig config = PortalTestData.config(TestWorld.BRAND, TestWorld.SET, TestWorld.POINTS);
    private final RewardReferralUseCase reward = new RewardReferralUseCase(world.cards, stores, world.issue, world.events, world.clock);
    private final EnrollUseCase enroll = new EnrollUseCase(
            new AllocateCardUseCase(world.cards, world.programs, world.random, world.clock, AllocateCardUseCase.WhenPoolEmpty.MINT),
            world.account, stores, reward, mail, links, world.events, world.clock);

    private Result join(String email, String phone, Optional<String> ref) {
        return enroll.enroll(new EnrollCommand(config, "portal-app", "store-1",
                Map.of("firstName", "Ada", "email", email, "phone", phone), ref, "https://x/portal/ACME", "r1"));
    }

    private List<CardNumber> activeCards() {
        return world.cards.numbersInCardSet(TestWorld.BRAND, TestWorld.SET).stream()
                .filter(n -> world.cards.load(TestWorld.BRAND, n).orElseThrow().status() == CardStatus.ACTIVE).toList();
    }

    @Test
    void a_crash_between_allocating_the_card_and_claiming_the_email_leaves_no_orphan_card() {
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

    private long points(CardNumber card) {
        return world.ledger.head(TestWorld.BRAND, card).map(e -> e.stateAfter().balance(TestWorld.POINTS).total()).orElse(0L);
    }
}
