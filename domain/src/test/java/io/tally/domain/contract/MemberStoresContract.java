package io.tally.domain.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tally.domain.card.CardNumber;
import io.tally.domain.card.Customer;
import io.tally.domain.email.SentEmailsPort;
import io.tally.domain.member.AttemptCounterPort;
import io.tally.domain.member.ContactKey;
import io.tally.domain.member.EnrollmentRecord;
import io.tally.domain.member.MemberDirectoryPort;
import io.tally.domain.member.MemberDirectoryPort.ClaimOutcome;
import io.tally.domain.member.Preferences;
import io.tally.domain.member.PreferencesPort;
import io.tally.domain.member.PreferencesPort.Choice;
import io.tally.domain.member.PreferencesPort.Source;
import io.tally.domain.portal.PortalConfigPort;
import io.tally.domain.referral.ReferralClaim;
import io.tally.domain.referral.ReferralClaimPort;
import io.tally.domain.tenant.BrandId;
import java.time.Instant;
import java.time.LocalDate;
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

    private EnrollmentRecord pending(String email, String id, Instant due) {
        var customer = new Customer("Ada", "Lovelace", email, "+44 20 7946 0018", "12 St James's Square", "Flat 2", "London",
                "LND", "SW1Y 4JH", "GB", LocalDate.of(1815, 12, 10), "f");
        var intent = new EnrollmentRecord.Intent(customer, Optional.of(ContractData.freshCard()), "https://x.example/portal/b",
                "requester-digest", "form-digest", t0.plusMillis(123), Map.of("tier", "Gold", "since", "2020-01-31"));
        return EnrollmentRecord.pending(brand, ContactKey.email(email), id, intent, due);
    }

    private EnrollmentRecord read(String email) {
        return directory().enrollment(brand, ContactKey.email(email)).orElseThrow();
    }

    @Test
    void a_phone_is_claimed_by_one_enrollment_and_moves_only_with_its_later_choices() {
        CardNumber a = ContractData.freshCard();
        CardNumber b = ContractData.freshCard();
        CardNumber c = ContractData.freshCard();
        ContactKey phone = ContactKey.phone("+1 555 0100");
        assertInstanceOf(ClaimOutcome.Claimed.class, directory().claim(brand, phone, a, "e1", 1));
        assertInstanceOf(ClaimOutcome.Claimed.class, directory().claim(brand, phone, a, "e1", 1), "the same claim again");
        assertEquals(new ClaimOutcome.Taken(a), directory().claim(brand, phone, b, "e2", 1), "another enrollment's");
        assertEquals(Optional.of(a), directory().find(brand, ContactKey.phone("1-555-0100")));
        assertInstanceOf(ClaimOutcome.Claimed.class, directory().claim(brand, phone, c, "e1", 2), "moves to a later choice");
        assertEquals(new ClaimOutcome.Superseded(c), directory().claim(brand, phone, a, "e1", 1), "never back");
        assertEquals(Optional.of(c), directory().find(brand, phone));
        assertTrue(directory().find(ContractData.freshBrand(), phone).isEmpty(), "per brand");
    }

    @Test
    void an_enrollment_claims_its_email_once_and_its_record_reads_back_exactly() {
        EnrollmentRecord ada = pending("Ada@Example.com", "e1", t0.plusSeconds(120));
        assertTrue(directory().start(ada).isEmpty());
        assertEquals(ada, read("ada@example.com"));
        assertEquals(Optional.of(ada), directory().start(pending("ada@example.com", "e2", t0)), "the e-mail is taken");
        assertTrue(directory().find(brand, ContactKey.email("ada@example.com")).isEmpty(), "no card chosen yet");
        assertTrue(directory().enrollment(ContractData.freshBrand(), ContactKey.email("ada@example.com")).isEmpty());
    }

    @Test
    void a_choice_is_recorded_once_per_round_and_only_while_pending() {
        EnrollmentRecord started = pending("bob@example.com", "e1", t0.plusSeconds(120));
        directory().start(started);
        CardNumber first = ContractData.freshCard();
        CardNumber second = ContractData.freshCard();
        var pin1 = new EnrollmentRecord.SealedPin("hash-1", "s1.sealed-1");
        var pin2 = new EnrollmentRecord.SealedPin("hash-2", "s1.sealed-2");

        assertTrue(directory().choose(started, first, pin1));
        EnrollmentRecord round1 = read("bob@example.com");
        assertEquals(started.chosen(first, pin1), round1);
        assertFalse(directory().choose(started, second, pin2), "another attempt chose first");
        assertFalse(directory().choose(pending("bob@example.com", "e9", t0), second, pin2), "another enrollment");
        assertTrue(directory().choose(round1, second, pin2));
        assertEquals(round1.chosen(second, pin2), read("bob@example.com"));
        assertEquals(Optional.of(second), directory().find(brand, ContactKey.email("bob@example.com")));
    }

    @Test
    void the_last_choice_completes_the_enrollment_and_its_pin_stays_until_scrubbed() {
        EnrollmentRecord started = pending("cy@example.com", "e1", t0.plusSeconds(120));
        directory().start(started);
        CardNumber card = ContractData.freshCard();
        directory().choose(started, card, new EnrollmentRecord.SealedPin("hash-1", "s1.sealed-1"));
        EnrollmentRecord chosen = read("cy@example.com");
        Instant revealUntil = t0.plusSeconds(900);

        assertFalse(directory().complete(started, revealUntil), "not the last choice");
        assertTrue(directory().complete(chosen, revealUntil));
        EnrollmentRecord complete = read("cy@example.com");
        assertEquals(new EnrollmentRecord(brand, chosen.email(), "e1", EnrollmentRecord.Status.COMPLETE, Optional.of(card), 1,
                chosen.pin(), chosen.intent(), Optional.of(revealUntil)), complete);
        assertFalse(directory().complete(chosen, revealUntil), "once");
        assertFalse(directory().choose(chosen, ContractData.freshCard(), new EnrollmentRecord.SealedPin("h", "s")));
        directory().abandon(chosen);
        assertEquals(complete, read("cy@example.com"), "a member's e-mail is never given back");

        directory().scrub(complete);
        assertEquals(new EnrollmentRecord(brand, chosen.email(), "e1", EnrollmentRecord.Status.COMPLETE, Optional.of(card), 1,
                Optional.empty(), Optional.empty(), Optional.empty()), read("cy@example.com"));
        assertEquals(Optional.of(card), directory().find(brand, ContactKey.email("cy@example.com")));
    }

    @Test
    void an_enrollment_that_cannot_finish_gives_its_email_back() {
        EnrollmentRecord started = pending("dee@example.com", "e1", t0.plusSeconds(120));
        directory().start(started);
        directory().abandon(pending("dee@example.com", "e2", t0));
        assertEquals(started, read("dee@example.com"), "only by its own enrollment");
        directory().abandon(started);
        assertTrue(directory().enrollment(brand, ContactKey.email("dee@example.com")).isEmpty());
        assertTrue(directory().start(pending("dee@example.com", "e3", t0)).isEmpty(), "free again");
    }

    @Test
    void due_records_come_longest_due_first_until_completed_postponed_or_scrubbed() {
        Instant base = Instant.parse("2001-02-03T04:05:06.007Z"); // a range no other test uses: the index spans brands
        Instant before = base.plusSeconds(60);
        EnrollmentRecord x1 = pending("x1@example.com", "e1", base.plusSeconds(1));
        EnrollmentRecord x2 = pending("x2@example.com", "e2", base.plusSeconds(2));
        EnrollmentRecord x3 = pending("x3@example.com", "e3", base.plusSeconds(3));
        EnrollmentRecord later = pending("x4@example.com", "e4", before);
        for (EnrollmentRecord r : List.of(x3, later, x1, x2)) {
            directory().start(r);
        }
        assertEquals(List.of(x1, x2, x3), due(before, MemberDirectoryPort.MAX_DUE));
        assertEquals(List.of(x1), due(before, 1));

        CardNumber card = ContractData.freshCard();
        directory().choose(x1, card, new EnrollmentRecord.SealedPin("h", "s1.x"));
        directory().complete(read("x1@example.com"), before.plusSeconds(900));
        assertTrue(directory().postpone(x2, before.plusSeconds(900)));
        assertEquals(Optional.of(before.plusSeconds(900)), read("x2@example.com").due());
        assertEquals(List.of(x3), due(before, MemberDirectoryPort.MAX_DUE));

        directory().choose(x3, card, new EnrollmentRecord.SealedPin("h", "s1.x"));
        directory().complete(read("x3@example.com"), base.plusSeconds(30));
        EnrollmentRecord x3complete = read("x3@example.com");
        assertEquals(List.of(x3complete), due(before, MemberDirectoryPort.MAX_DUE), "a revealable PIN is due for scrubbing");
        directory().scrub(x3complete);
        assertEquals(List.of(), due(before, MemberDirectoryPort.MAX_DUE));
        assertFalse(directory().postpone(x3complete, base), "nothing left to do");
        assertThrows(IllegalArgumentException.class, () -> directory().due(before, MemberDirectoryPort.MAX_DUE + 1));
    }

    private List<EnrollmentRecord> due(Instant before, int limit) {
        return directory().due(before, limit).stream().filter(r -> r.brand().equals(brand)).toList();
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
    void each_list_choice_is_its_own_and_read_back_together() {
        ContactKey email = ContactKey.email("bob@example.com");
        assertTrue(preferences().load(brand, email).isEmpty());
        assertTrue(preferences().choose(brand, email, new Choice("news", true, t0, Source.PAGE)));
        assertTrue(preferences().choose(brand, email, new Choice("offers", true, t0.plusSeconds(1), Source.PAGE)));
        assertTrue(preferences().choose(brand, email, new Choice("news", false, t0.plusSeconds(5), Source.UNSUBSCRIBE_LINK)));
        var read = preferences().load(brand, email).orElseThrow();
        assertEquals(Map.of("news", false, "offers", true), read.lists());
        assertEquals(t0.plusSeconds(5), read.updatedAt());
        assertTrue(preferences().load(brand, ContactKey.email("other@example.com")).isEmpty(), "another recipient's");
    }

    @Test
    void a_later_choice_wins_whatever_order_the_writes_arrive_in_and_leaving_wins_a_tie() {
        ContactKey email = ContactKey.email("carol@example.com");
        assertTrue(preferences().choose(brand, email, new Choice("news", false, t0.plusSeconds(10), Source.UNSUBSCRIBE_LINK)));
        assertFalse(preferences().choose(brand, email, new Choice("news", true, t0.plusSeconds(9), Source.PAGE)),
                "a page saved before the unsubscribe, arriving after it, does not undo it");
        assertFalse(preferences().choose(brand, email, new Choice("news", true, t0.plusSeconds(10), Source.PAGE)),
                "a subscribe at the same millisecond loses");
        assertEquals(Map.of("news", false), preferences().load(brand, email).orElseThrow().lists());
        assertTrue(preferences().choose(brand, email, new Choice("news", true, t0.plusSeconds(11), Source.PAGE)));
        assertTrue(preferences().choose(brand, email, new Choice("news", false, t0.plusSeconds(11), Source.UNSUBSCRIBE_LINK)),
                "an unsubscribe at the same millisecond wins");
        assertTrue(preferences().choose(brand, email, new Choice("news", false, t0.plusSeconds(11), Source.UNSUBSCRIBE_LINK)),
                "unsubscribing twice is fine");
        assertEquals(Map.of("news", false), preferences().load(brand, email).orElseThrow().lists());
    }

    @Test
    void a_phones_choices_are_kept_under_its_digits_apart_from_an_emails_and_the_later_choice_wins() {
        ContactKey phone = ContactKey.phone("+44 20 7946 0018");
        ContactKey email = ContactKey.email("dave@example.com");
        assertTrue(preferences().choose(brand, phone, new Choice("news", true, t0, Source.PAGE)));
        assertTrue(preferences().choose(brand, phone, new Choice("news", false, t0.plusSeconds(2), Source.PAGE)));
        assertFalse(preferences().choose(brand, phone, new Choice("news", true, t0.plusSeconds(1), Source.PAGE)),
                "a page saved before the leave, arriving after it, does not undo it");
        assertTrue(preferences().choose(brand, phone, new Choice("offers", true, t0.plusSeconds(1), Source.PAGE)));
        assertTrue(preferences().choose(brand, email, new Choice("news", true, t0.plusSeconds(3), Source.PAGE)));
        Preferences read = preferences().load(brand, ContactKey.phone("442079460018")).orElseThrow();
        assertEquals(Map.of("news", false, "offers", true), read.lists());
        assertEquals(phone, read.email());
        assertEquals(t0.plusSeconds(2), read.updatedAt());
        assertEquals(Map.of("news", true), preferences().load(brand, email).orElseThrow().lists(), "the e-mail's own");
        assertTrue(preferences().load(brand, ContactKey.phone("+44 20 7946 0019")).isEmpty(), "another phone's");
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

    @Test
    void a_claimed_message_is_marked_handed_once_and_an_unclaimed_one_never() {
        assertTrue(sentEmails().claim(brand, "sms-send-1-42", t0));
        assertEquals(Optional.empty(), sentEmails().handedAt(brand, "sms-send-1-42"), "claimed, not yet taken");
        sentEmails().markHanded(brand, "sms-send-1-42", t0.plusSeconds(1));
        sentEmails().markHanded(brand, "sms-send-1-42", t0.plusSeconds(9));
        assertEquals(Optional.of(t0.plusSeconds(1)), sentEmails().handedAt(brand, "sms-send-1-42"), "the first stands");
        sentEmails().markHanded(brand, "sms-never-claimed", t0);
        assertEquals(Optional.empty(), sentEmails().handedAt(brand, "sms-never-claimed"));
    }

    @Test
    void an_email_claim_is_marked_handed_as_a_texts_is() {
        assertTrue(sentEmails().claim(brand, "send-s1-6000000000000007", t0));
        assertEquals(Optional.empty(), sentEmails().handedAt(brand, "send-s1-6000000000000007"), "claimed, not taken");
        sentEmails().markHanded(brand, "send-s1-6000000000000007", t0.plusSeconds(2));
        assertFalse(sentEmails().claim(brand, "send-s1-6000000000000007", t0.plusSeconds(3)), "the mark keeps the claim");
        sentEmails().markHanded(brand, "send-s1-6000000000000007", t0.plusSeconds(9));
        assertEquals(Optional.of(t0.plusSeconds(2)), sentEmails().handedAt(brand, "send-s1-6000000000000007"));
        assertEquals(Optional.empty(), sentEmails().handedAt(ContractData.freshBrand(), "send-s1-6000000000000007"),
                "another brand's message of the same id");
    }
}
