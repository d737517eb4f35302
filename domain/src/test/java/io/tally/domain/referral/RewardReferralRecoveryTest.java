package io.tally.domain.referral;

import static io.tally.domain.fakes.TestWorld.BRAND;
import static io.tally.domain.fakes.TestWorld.POINTS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tally.domain.card.CardNumber;
import io.tally.domain.card.Customer;
import io.tally.domain.contract.PortalTestData;
import io.tally.domain.fakes.Crash;
import io.tally.domain.fakes.InMemoryMemberStores;
import io.tally.domain.fakes.TestWorld;
import io.tally.domain.ledger.IssueUseCase;
import io.tally.domain.ledger.LedgerLimits;
import io.tally.domain.ledger.UpdateAccountUseCase;
import io.tally.domain.portal.PortalConfig;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A referral reward interrupted between its steps (claim, the sender's issuance, the friend's issuance) is completed by
 * the retry and paid once per side, even when the sender's card has served more requests in between than its ledger
 * remembers request ids for ({@link LedgerLimits#REQUEST_RING}).
 */
class RewardReferralRecoveryTest {
    private final TestWorld world = new TestWorld();
    private final InMemoryMemberStores stores = new InMemoryMemberStores();
    private final PortalConfig config = PortalTestData.config(BRAND, TestWorld.SET, POINTS);
    private final RewardReferralUseCase reward = new RewardReferralUseCase(world.cards, stores, world.issue, world.events, world.clock);
    private final CardNumber ada = member("ada@example.com");
    private final CardNumber bob = member("bob@example.com");

    private CardNumber member(String email) {
        CardNumber card = world.activeCard();
        assertTrue(world.account.update(new UpdateAccountUseCase.UpdateAccountCommand(TestWorld.context(), world.info(), card,
                Optional.of(new Customer("X", null, email, null, null, null, null, null, null, null, null, null)),
                Optional.empty(), Map.of(), Map.of(), Map.of(), Optional.empty(), false, Optional.empty())).isAccepted());
        return card;
    }

    @Test
    void a_crash_after_the_senders_reward_then_a_busy_sender_card_still_pays_each_side_once() {
        world.ledger.crashAfterAppending(e -> e.posting().card().equals(ada));
        assertThrows(Crash.class, () -> reward.reward(config, ada, bob, "r1"));
        world.ledger.crashAfterAppending(e -> false);
        for (int i = 0; i <= LedgerLimits.REQUEST_RING; i++) {
            world.clock.advance(Duration.ofSeconds(1));
            assertTrue(world.issue.issue(new IssueUseCase.IssueCommand(TestWorld.context(),
                    world.info().withCustomRequestId("till-" + i), ada, TestWorld.USD, 1, Optional.empty(), false,
                    Optional.empty())).isAccepted(), "the sender's card goes on serving requests");
        }

        assertInstanceOf(RewardReferralUseCase.Result.Rewarded.class, reward.reward(config, ada, bob, "r2"));
        assertInstanceOf(RewardReferralUseCase.Result.Rewarded.class, reward.reward(config, ada, bob, "r3"));

        assertEquals(100, points(ada), "the sender's reward, once");
        assertEquals(50, points(bob), "the friend's reward, once");
    }

    @Test
    void a_crash_after_the_claim_is_completed_by_the_retry() {
        world.ledger.crashAfterAppending(e -> false);
        stores.claim(new ReferralClaim(BRAND, "bob@example.com", ada, bob, world.clock.instant()));

        assertInstanceOf(RewardReferralUseCase.Result.Rewarded.class, reward.reward(config, ada, bob, "r2"));

        assertEquals(100, points(ada));
        assertEquals(50, points(bob));
    }

    private long points(CardNumber card) {
        return world.state(card).balance(POINTS).total();
    }
}
