package io.tally.domain.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tally.domain.card.CardNumber;
import io.tally.domain.email.SentEmailsPort;
import io.tally.domain.member.AttemptCounterPort;
import io.tally.domain.member.ContactKey;
import io.tally.domain.member.MemberDirectoryPort;
import io.tally.domain.member.MemberDirectoryPort.ClaimOutcome;
import io.tally.domain.member.Preferences;
import io.tally.domain.member.PreferencesPort;
import io.tally.domain.portal.PortalConfigPort;
import io.tally.domain.referral.ReferralClaim;
import io.tally.domain.referral.ReferralClaimPort;
import io.tally.domain.tenant.BrandId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * What the member portal's storage ports must do: portal configuration, member directory, attempt counters,
 * preferences, referral claims and sent-e-mail claims. Subclass per implementation (fake, DynamoDB).
 */
public abstract class MemberStoresContract {
    protected abstract PortalConfigPort configs();

    protected abstract MemberDirectoryPort directory();

    protected abstract AttemptCounterPort counters();

    protected abstract PreferencesPort preferences();

    protected abstract ReferralClaimPort referrals();

    protected abstract SentEmailsPort sentEmails();

    private final BrandId brand = ContractData.freshBrand();
    private final Instant t0 = Instant.parse("2025-03-01T10:00:00Z");

    @Test
    void a_portal_configuration_reads_back_exactly_and_saving_it_again_changes_nothing() {
        var config = PortalTestData.config(brand);
        assertTrue(configs().save(config));
        assertEquals(config, configs().load(brand).orElseThrow());
        assertFalse(configs().save(config));
        assertTrue(configs().load(ContractData.freshBrand()).isEmpty());
    }

    @Test
    void a_contact_is_claimed_by_one_card_only_and_can_be_released_by_that_card() {
        CardNumber a = ContractData.freshCard();
        CardNumber b = ContractData.freshCard();
        ContactKey email = ContactKey.email("Ada@Example.com");
        assertInstanceOf(ClaimOutcome.Claimed.class, directory().claim(brand, email, a));
        assertInstanceOf(ClaimOutcome.Claimed.class, directory().claim(brand, email, a), "the same card again");
        assertEquals(new ClaimOutcome.Taken(a), directory().claim(brand, email, b));
        assertEquals(Optional.of(a), directory().find(brand, ContactKey.email("ada@example.com")));
        assertTrue(directory().find(ContractData.freshBrand(), email).isEmpty(), "per brand");
        directory().release(brand, email, b);
        assertEquals(Optional.of(a), directory().find(brand, email), "only the owner releases");
        directory().release(brand, email, a);
        assertTrue(directory().find(brand, email).isEmpty());
    }

    @Test
    void counters_count_per_window_and_reset() {
        String counter = "pin#" + brand.value() + "#123";
        Instant w1 = t0;
        Instant w2 = t0.plusSeconds(900);
        assertEquals(0, counters().count(counter, w1));
        assertEquals(1, counters().increment(counter, w1, w1.plusSeconds(1800)));
        assertEquals(2, counters().increment(counter, w1, w1.plusSeconds(1800)));
        assertEquals(1, counters().increment(counter, w2, w2.plusSeconds(1800)));
        assertEquals(2, counters().count(counter, w1));
        counters().reset(counter, w1);
        assertEquals(0, counters().count(counter, w1));
        assertEquals(1, counters().count(counter, w2));
    }

    @Test
    void parallel_increments_each_get_a_count_of_their_own() throws Exception {
        String counter = "pin#" + brand.value() + "#race";
        int callers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Long>> counts = new ArrayList<>();
        for (int i = 0; i < callers; i++) {
            counts.add(pool.submit(() -> {
                go.await();
                return counters().increment(counter, t0, t0.plusSeconds(1800));
            }));
        }
        go.countDown();
        Set<Long> seen = new HashSet<>();
        for (Future<Long> f : counts) {
            seen.add(f.get(30, TimeUnit.SECONDS));
        }
        pool.shutdown();

        assertEquals(LongStream.rangeClosed(1, callers).boxed().collect(Collectors.toSet()), seen, "an atomic add");
        assertEquals(callers, counters().count(counter, t0));
    }

    @Test
    void preferences_are_replaced_whole_and_read_back() {
        ContactKey email = ContactKey.email("bob@example.com");
        assertTrue(preferences().load(brand, email).isEmpty());
        var first = new Preferences(email, Map.of("news", true, "offers", true), t0);
        preferences().save(brand, first);
        assertEquals(first, preferences().load(brand, email).orElseThrow());
        var second = new Preferences(email, Map.of("news", false), t0.plusSeconds(5));
        preferences().save(brand, second);
        assertEquals(second, preferences().load(brand, email).orElseThrow());
    }

    @Test
    void a_friend_is_claimed_for_one_referral_only() {
        var claim = new ReferralClaim(brand, "friend@example.com", ContractData.freshCard(), ContractData.freshCard(), t0);
        assertTrue(referrals().claim(claim).isEmpty());
        assertEquals(Optional.of(claim), referrals().claim(claim));
        var other = new ReferralClaim(brand, "friend@example.com", ContractData.freshCard(), ContractData.freshCard(), t0);
        assertEquals(Optional.of(claim), referrals().claim(other));
    }

    @Test
    void an_email_message_is_claimed_for_sending_once() {
        assertTrue(sentEmails().claim(brand, "welcome-1", t0));
        assertFalse(sentEmails().claim(brand, "welcome-1", t0.plusSeconds(1)));
        assertTrue(sentEmails().claim(ContractData.freshBrand(), "welcome-1", t0));
    }
}
