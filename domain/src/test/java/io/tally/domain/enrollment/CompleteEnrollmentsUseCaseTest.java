package io.tally.domain.enrollment;

import static io.tally.domain.fakes.TestWorld.BRAND;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tally.domain.card.Card;
import io.tally.domain.card.CardNumber;
import io.tally.domain.card.CardStatus;
import io.tally.domain.card.Customer;
import io.tally.domain.contract.PortalTestData;
import io.tally.domain.email.EmailKind;
import io.tally.domain.enrollment.CompleteEnrollmentsUseCase.Report;
import io.tally.domain.enrollment.EnrollUseCase.Result;
import io.tally.domain.fakes.Crash;
import io.tally.domain.fakes.MemberWorld;
import io.tally.domain.fakes.TestWorld;
import io.tally.domain.fakes.WriteFaults;
import io.tally.domain.member.ContactKey;
import io.tally.domain.member.EnrollmentRecord;
import io.tally.domain.tenant.BrandId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The periodic job: finishes the enrollments nobody resubmits, scrubs revealed PINs, is not held up by a broken one. */
class CompleteEnrollmentsUseCaseTest {
    private static final Map<String, String> BOB = Map.of("firstName", "Bob", "email", "bob@example.com", "phone", "+1 555 0200");
    private final WriteFaults faults = new WriteFaults();
    private final MemberWorld m = new MemberWorld(Optional.of(faults));

    private Report runJob() {
        return m.completer.run(m.world.clock.instant(), 100);
    }

    /** Bob's page request dies right after the given write; he never comes back. */
    private void bobGivesUpAfterWrite(int write) {
        faults.crashAfterWrite(write);
        assertThrows(Crash.class, () -> m.join(BOB, Optional.empty(), "browser-Bob"));
    }

    private Optional<EnrollmentRecord> record(BrandId brand, String email) {
        return m.stores.enrollment(brand, ContactKey.email(email));
    }

    @Test
    void an_enrollment_nobody_resubmits_is_left_to_its_page_for_a_while_then_completed_by_the_job() {
        bobGivesUpAfterWrite(1);
        assertEquals(new Report(0, 0, 0, 0, List.of()), runJob(), "a page request may still be at it");

        m.world.clock.advance(EnrollmentSteps.LEFT_TO_THE_JOB_AFTER.plusSeconds(1));
        assertEquals(new Report(1, 0, 0, 0, List.of()), runJob());

        EnrollmentRecord bob = record(BRAND, "bob@example.com").orElseThrow();
        assertEquals(EnrollmentRecord.Status.COMPLETE, bob.status());
        Card card = m.world.cards.load(BRAND, bob.card().orElseThrow()).orElseThrow();
        assertEquals(CardStatus.ACTIVE, card.status());
        assertTrue(card.enrolled());
        assertEquals(Optional.of("bob@example.com"), card.primaryCustomer().flatMap(Customer::searchableEmail));
        assertEquals(Optional.of(card.number()), m.stores.find(BRAND, ContactKey.phone("+1 555 0200")));
        assertEquals(List.of("welcome-" + card.number().value()), m.mail.queued().stream()
                .filter(e -> e.kind() == EmailKind.WELCOME).map(e -> e.id()).toList());
        assertEquals(new Report(0, 0, 0, 0, List.of()), runJob(), "nothing more to do until the PIN is scrubbed");
    }

    @Test
    void a_completed_enrollments_pin_is_scrubbed_once_its_reveal_window_is_over() {
        Result.Enrolled bob = assertInstanceOf(Result.Enrolled.class, m.join(BOB, Optional.empty(), "browser-Bob"));
        assertTrue(record(BRAND, "bob@example.com").orElseThrow().pin().isPresent());

        m.world.clock.advance(EnrollmentSteps.REVEAL_WINDOW.plusSeconds(1));
        assertEquals(new Report(0, 0, 1, 0, List.of()), runJob());

        EnrollmentRecord scrubbed = record(BRAND, "bob@example.com").orElseThrow();
        assertEquals(new EnrollmentRecord(BRAND, scrubbed.email(), scrubbed.id(), EnrollmentRecord.Status.COMPLETE,
                Optional.of(bob.card()), 1, Optional.empty(), Optional.empty(), Optional.empty()), scrubbed, "only the member's card");
        assertInstanceOf(Result.AlreadyMember.class, m.join(BOB, Optional.empty(), "browser-Bob"));
        assertEquals(new Report(0, 0, 0, 0, List.of()), runJob());
    }

    @Test
    void an_enrollment_that_cannot_be_finished_waits_and_does_not_hold_up_the_others() {
        Instant now = m.world.clock.instant();
        var customer = new Customer("Cy", null, "cy@example.com", null, null, null, null, null, null, null, null, null);
        EnrollmentRecord other = EnrollmentRecord.pending(TestWorld.OTHER_BRAND, ContactKey.email("cy@example.com"), "e-other",
                new EnrollmentRecord.Intent(customer, Optional.empty(), "https://x/portal/OTHER", "r", "f", now), now);
        m.stores.start(other); // a brand whose portal configuration is gone
        bobGivesUpAfterWrite(2);
        m.world.clock.advance(EnrollmentSteps.LEFT_TO_THE_JOB_AFTER.plusSeconds(1));

        Report first = runJob();
        assertEquals(1, first.completed());
        assertEquals(1, first.postponed());
        assertTrue(first.problems().get(0).contains("no portal configuration"), first.problems().toString());
        assertEquals(EnrollmentRecord.Status.COMPLETE, record(BRAND, "bob@example.com").orElseThrow().status());
        assertEquals(new Report(0, 0, 0, 0, List.of()), runJob(), "it waits");

        m.stores.save(PortalTestData.config(TestWorld.OTHER_BRAND, TestWorld.SET, TestWorld.POINTS));
        m.world.clock.advance(CompleteEnrollmentsUseCase.RETRY_AFTER.plusSeconds(1));
        Report second = runJob();
        assertEquals(1, second.completed(), second.toString());
        assertEquals(EnrollmentRecord.Status.COMPLETE, record(TestWorld.OTHER_BRAND, "cy@example.com").orElseThrow().status());
    }

    @Test
    void an_enrollment_whose_phone_another_member_took_is_given_up_without_a_card() {
        bobGivesUpAfterWrite(1);
        Result.Enrolled cy = assertInstanceOf(Result.Enrolled.class, m.join(Map.of("firstName", "Cy", "email", "cy@example.com",
                "phone", "+1 555 0200"), Optional.empty(), "browser-Cy"));
        m.world.clock.advance(EnrollmentSteps.LEFT_TO_THE_JOB_AFTER.plusSeconds(1));

        assertEquals(new Report(0, 1, 0, 0, List.of()), runJob());

        assertTrue(record(BRAND, "bob@example.com").isEmpty(), "the e-mail is free again");
        List<CardNumber> active = m.world.cards.numbersInCardSet(BRAND, TestWorld.SET).stream()
                .filter(n -> m.world.cards.load(BRAND, n).orElseThrow().status() == CardStatus.ACTIVE).toList();
        assertEquals(List.of(cy.card()), active);
    }
}
