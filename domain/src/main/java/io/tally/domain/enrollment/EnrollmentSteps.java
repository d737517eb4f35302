package io.tally.domain.enrollment;

import io.tally.domain.card.AllocateCardUseCase;
import io.tally.domain.card.AllocateCardUseCase.AllocatedCard;
import io.tally.domain.card.CardNumber;
import io.tally.domain.card.Customer;
import io.tally.domain.email.EmailKind;
import io.tally.domain.email.EmailMessage;
import io.tally.domain.email.EmailOutboxPort;
import io.tally.domain.event.DomainEvent;
import io.tally.domain.event.PublishEventPort;
import io.tally.domain.ledger.RequestInfo;
import io.tally.domain.ledger.UpdateAccountUseCase;
import io.tally.domain.member.ContactKey;
import io.tally.domain.member.EnrollmentRecord;
import io.tally.domain.member.LinkTokens;
import io.tally.domain.member.MemberDirectoryPort;
import io.tally.domain.member.MemberDirectoryPort.ClaimOutcome;
import io.tally.domain.portal.PortalConfig;
import io.tally.domain.referral.RewardReferralUseCase;
import io.tally.domain.shared.Outcome;
import io.tally.domain.shared.Sealer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finishes a pending enrollment (its e-mail already claimed: {@link EnrollmentRecord}). Every step is safe to repeat
 * and to run twice at once (a double-clicked form, a resubmission while the job is at it), so whoever comes next
 * after a crash simply runs them all again:
 * <ol>
 *   <li>the card: its choice (card, PIN hash, sealed PIN) is recorded in the e-mail's claim, then the phone is claimed
 *       for it, then the card is written ACTIVE with the customer on it, in one write (the choice is recorded before the
 *       write, so a retry finishes the same card with the same PIN; see {@link EnrollmentCheckpoint});</li>
 *   <li>the profile with countAsEnrollment: the ENROLL ledger entry, written once, then the enrollment instant;</li>
 *   <li>the welcome e-mail, queued under a message id of the card (sent at most once);</li>
 *   <li>the referral reward, if the friend came through a referral link (exactly once: {@link RewardReferralUseCase});</li>
 *   <li>{@code member.enrolled}, under an event id of the card (consumers de-duplicate);</li>
 *   <li>the claim marked COMPLETE, conditional on the last choice: from then on the e-mail is a member's.</li>
 * </ol>
 * No card is written before its e-mail and phone are claimed for it, and none is written without its customer, so
 * there is never an active card that no member holds. A phone held by another member ends the enrollment before any
 * card is written: the e-mail is given back ({@link Finished.Abandoned}).
 */
public final class EnrollmentSteps {
    /** A pending enrollment nobody resubmits is the periodic job's after this long (a portal request lasts seconds). */
    public static final Duration LEFT_TO_THE_JOB_AFTER = Duration.ofMinutes(2);
    /** For this long after completion, the same person resubmitting the same form sees the card and PIN again. */
    public static final Duration REVEAL_WINDOW = Duration.ofMinutes(15);
    /** Re-reads of the record when a concurrent attempt of the same enrollment has moved it on. */
    static final int MAX_REREADS = 5;

    private final AllocateCardUseCase allocate;
    private final UpdateAccountUseCase account;
    private final MemberDirectoryPort directory;
    private final RewardReferralUseCase referrals;
    private final EmailOutboxPort outbox;
    private final LinkTokens links;
    private final PublishEventPort events;
    private final Sealer sealer;
    private final Clock clock;

    public EnrollmentSteps(AllocateCardUseCase allocate, UpdateAccountUseCase account, MemberDirectoryPort directory,
                           RewardReferralUseCase referrals, EmailOutboxPort outbox, LinkTokens links,
                           PublishEventPort events, Sealer sealer, Clock clock) {
        this.allocate = allocate;
        this.account = account;
        this.directory = directory;
        this.referrals = referrals;
        this.outbox = outbox;
        this.links = links;
        this.events = events;
        this.sealer = sealer;
        this.clock = clock;
    }

    public sealed interface Finished {
        /** The member's card; its PIN (absent only if the enrollment was finished elsewhere and its PIN scrubbed). */
        record Completed(CardNumber card, Optional<String> pin, Optional<RewardReferralUseCase.Result> referral)
                implements Finished {
            @Override
            public String toString() {
                return "Completed[" + card + "]";
            }
        }

        /** The phone belongs to another member: nothing was allocated, and the e-mail is free again. */
        record Abandoned() implements Finished {
        }
    }

    /** Runs the steps from the start; {@code requestRef} names the caller in the ledger (the page request, the job). */
    public Finished finish(PortalConfig config, EnrollmentRecord pending, String requestRef) {
        EnrollmentRecord record = pending;
        for (int read = 0; ; read++) {
            try {
                return finishFrom(config, record, requestRef);
            } catch (PhoneTaken taken) {
                directory.abandon(record);
                return new Finished.Abandoned();
            } catch (Outdated outdated) {
                if (read == MAX_REREADS) {
                    throw new IllegalStateException("enrollment " + record.id() + " kept moving under this attempt; a retry finishes it");
                }
                String id = record.id();
                Optional<EnrollmentRecord> now = directory.enrollment(record.brand(), record.email()).filter(r -> r.id().equals(id));
                if (now.isEmpty()) {
                    return new Finished.Abandoned();
                }
                if (!now.get().pending()) {
                    return new Finished.Completed(now.get().card().orElseThrow(), pin(now.get()), Optional.empty());
                }
                record = now.get();
            }
        }
    }

    private Finished finishFrom(PortalConfig config, EnrollmentRecord record, String requestRef) {
        EnrollmentRecord.Intent intent = record.intent().orElseThrow();
        if (record.card().isPresent()) {
            claimPhone(record); // a resumed choice: its phone before its card is written
        }
        EnrollmentCheckpoint checkpoint = new EnrollmentCheckpoint(record, this);
        Outcome<AllocatedCard> allocated = allocate.allocate(new AllocateCardUseCase.AllocateCardCommand(config.brand(),
                Optional.of(config.enrollmentCardSet()), Optional.empty(), Optional.of(checkpoint), Optional.of(intent.customer()),
                Optional.of(config.merchantContext().location())));
        if (!allocated.isAccepted()) {
            throw new IllegalStateException("enrollment card set unusable: " + allocated);
        }
        CardNumber card = allocated.value().card().number();
        EnrollmentRecord chosen = checkpoint.current();
        if (!chosen.card().equals(Optional.of(card))) {
            throw new IllegalStateException("allocated " + card + " but enrollment " + chosen.id() + " chose " + chosen.card());
        }
        storeMember(config, card, intent, requestRef);
        if (config.welcomeEmail()) {
            outbox.enqueue(welcome(config, card, intent));
        }
        Optional<RewardReferralUseCase.Result> referral = intent.referralSender()
                .map(sender -> referrals.reward(config, sender, card, requestRef));
        events.publish(List.of(enrolled(config, card, intent.startedAt())));
        markComplete(chosen, card);
        return new Finished.Completed(card, Optional.of(allocated.value().pin()), referral);
    }

    private void storeMember(PortalConfig config, CardNumber card, EnrollmentRecord.Intent intent, String requestRef) {
        var stored = account.update(new UpdateAccountUseCase.UpdateAccountCommand(config.merchantContext(),
                RequestInfo.of(requestRef), card, Optional.of(intent.customer()), Optional.empty(), intent.demographics(), Map.of(), Map.of(),
                Optional.empty(), true, Optional.empty()));
        if (!stored.isAccepted()) {
            throw new IllegalStateException("enrollment not stored: " + stored);
        }
    }

    private EmailMessage welcome(PortalConfig config, CardNumber card, EnrollmentRecord.Intent intent) {
        Customer customer = intent.customer();
        return new EmailMessage("welcome-" + card.value(), config.brand(), EmailKind.WELCOME, customer.email(),
                config.transactionalList().id(), Map.of(
                "firstName", customer.firstName() == null ? "" : customer.firstName(),
                "cardLastFour", card.lastFour(),
                "portalUrl", intent.portalUrl(),
                "preferencesUrl", intent.portalUrl() + "/preferences?t="
                        + links.preferences(config.brand(), customer.email(), clock.instant())));
    }

    private static DomainEvent enrolled(PortalConfig config, CardNumber card, Instant startedAt) {
        Map<String, String> data = new LinkedHashMap<>();
        data.put("cardNumber", card.value());
        data.put("cardSet", config.enrollmentCardSet().value());
        return new DomainEvent("enroll-" + config.brand().value() + "-" + card.value(), "member.enrolled", config.brand(),
                startedAt, data);
    }

    /** COMPLETE; if the mark is refused, a concurrent attempt must have made it, with the same card. */
    private void markComplete(EnrollmentRecord chosen, CardNumber card) {
        if (directory.complete(chosen, clock.instant().plus(REVEAL_WINDOW))) {
            return;
        }
        directory.enrollment(chosen.brand(), chosen.email())
                .filter(r -> r.id().equals(chosen.id()) && !r.pending() && r.card().equals(Optional.of(card)))
                .orElseThrow(() -> new IllegalStateException("enrollment " + chosen.id() + " not completable with " + card));
    }

    /** Claims the intent's phone (if any) for the record's chosen card, before that card is written. */
    void claimPhone(EnrollmentRecord record) {
        Optional<ContactKey> phone = record.intent().orElseThrow().phone();
        if (phone.isEmpty()) {
            return;
        }
        ClaimOutcome claimed = directory.claim(record.brand(), phone.get(), record.card().orElseThrow(), record.id(), record.round());
        if (claimed instanceof ClaimOutcome.Taken) {
            throw new PhoneTaken();
        }
        if (claimed instanceof ClaimOutcome.Superseded) {
            throw new Outdated();
        }
    }

    /** Records the next choice, or throws {@link Outdated} when another attempt recorded one first. */
    EnrollmentRecord choose(EnrollmentRecord seen, CardNumber card, String pin, String pinHash) {
        EnrollmentRecord.SealedPin sealed = new EnrollmentRecord.SealedPin(pinHash, sealer.seal(pin, associated(seen)));
        if (!directory.choose(seen, card, sealed)) {
            throw new Outdated();
        }
        return seen.chosen(card, sealed);
    }

    /** The record's chosen PIN in clear text, while it keeps one. */
    Optional<String> pin(EnrollmentRecord record) {
        return record.pin().map(p -> sealer.open(p.sealed(), associated(record)));
    }

    /** A sealed PIN opens only in its own enrollment's record. */
    private static String associated(EnrollmentRecord record) {
        return "enrollment\n" + record.brand().value() + "\n" + record.email().asText() + "\n" + record.id();
    }

    /** This attempt works from an outdated record: another attempt of the same enrollment moved it on. */
    static final class Outdated extends RuntimeException {
        Outdated() {
            super("the enrollment moved on under this attempt", null, false, false);
        }
    }

    /** The enrollment's phone belongs to another member or enrollment. */
    static final class PhoneTaken extends RuntimeException {
        PhoneTaken() {
            super("the phone belongs to another member", null, false, false);
        }
    }
}
