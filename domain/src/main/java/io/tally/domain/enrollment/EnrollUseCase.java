package io.tally.domain.enrollment;

import io.tally.domain.card.CardNumber;
import io.tally.domain.card.Customer;
import io.tally.domain.member.ContactKey;
import io.tally.domain.member.EnrollmentRecord;
import io.tally.domain.member.LinkTokens;
import io.tally.domain.member.MemberDirectoryPort;
import io.tally.domain.portal.PortalConfig;
import io.tally.domain.referral.RewardReferralUseCase;
import io.tally.domain.shared.Fingerprint;
import io.tally.domain.shared.RandomSource;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Joins the loyalty program without a password, in steps that a retry completes. Checks the form against the brand's
 * customer model; refuses a phone that is a member's; claims the e-mail for a new pending enrollment, which records
 * the form and what it takes to finish (the enrollment's commit point: {@link EnrollmentRecord}); then runs
 * {@link EnrollmentSteps} (the card, the profile and ENROLL entry, the welcome e-mail, the referral reward,
 * {@code member.enrolled}, COMPLETE).
 *
 * <p>A resubmission that finds its e-mail's enrollment pending finishes it. Only the same enrollment is shown the card
 * and PIN: the same browser (its requester digest) with the same form; anyone else typing that e-mail gets "already a
 * member", after finishing the enrollment for its owner. After completion the same browser and form see the card and
 * PIN again for {@link EnrollmentSteps#REVEAL_WINDOW} (a response lost after the last step is not a lost PIN). An
 * enrollment nobody resubmits is finished by {@link CompleteEnrollmentsUseCase}.
 */
public final class EnrollUseCase {
    private final EnrollmentSteps steps;
    private final MemberDirectoryPort directory;
    private final LinkTokens links;
    private final RandomSource random;
    private final Clock clock;

    public EnrollUseCase(EnrollmentSteps steps, MemberDirectoryPort directory, LinkTokens links, RandomSource random,
                         Clock clock) {
        this.steps = steps;
        this.directory = directory;
        this.links = links;
        this.random = random;
        this.clock = clock;
    }

    /**
     * @param applicationId  and {@code merchantId}: what the page carried; must match the brand's configuration
     * @param referralToken  the signed token of the referral link the friend followed, if any
     * @param portalUrl      the brand's portal base URL, for links in the welcome e-mail
     * @param requester      a secret of the submitting browser (the portal: a keyed digest of its session): the same
     *                       value on a resubmission proves the same person; stored only as a digest
     */
    public record EnrollCommand(PortalConfig config, String applicationId, String merchantId, Map<String, String> form,
                                Optional<String> referralToken, String portalUrl, String requestRef, String requester) {
        public EnrollCommand {
            Objects.requireNonNull(config, "config");
            form = Map.copyOf(form);
            Objects.requireNonNull(referralToken, "referralToken");
            Objects.requireNonNull(portalUrl, "portalUrl");
            Objects.requireNonNull(requestRef, "requestRef");
            Objects.requireNonNull(requester, "requester");
        }
    }

    public sealed interface Result {
        /** The new member's card and its PIN (shown once). */
        record Enrolled(CardNumber card, String pin, Optional<RewardReferralUseCase.Result> referral) implements Result {
            @Override
            public String toString() {
                return "Enrolled[" + card + "]";
            }
        }

        /** The e-mail or phone already belongs to a member. */
        record AlreadyMember() implements Result {
        }

        /** Problems by form field name ({@code form} for the whole form). */
        record Invalid(Map<String, String> problems) implements Result {
        }
    }

    public Result enroll(EnrollCommand c) {
        PortalConfig config = c.config();
        if (!config.carriedBy(c.applicationId(), c.merchantId())) {
            return new Result.Invalid(Map.of("form", "This page is out of date. Reload it and try again."));
        }
        CustomerForm.Parsed parsed = CustomerForm.parse(config.customerModel(), config.demographics(), c.form());
        if (!parsed.valid()) {
            return new Result.Invalid(parsed.problems());
        }
        Instant now = clock.instant();
        EnrollmentRecord.Intent intent = intent(c, parsed, now);
        ContactKey email = ContactKey.email(intent.customer().email());
        Optional<EnrollmentRecord> found = directory.enrollment(config.brand(), email);
        if (found.isEmpty()) {
            if (intent.phone().flatMap(p -> directory.find(config.brand(), p)).isPresent()) {
                return new Result.AlreadyMember();
            }
            EnrollmentRecord fresh = EnrollmentRecord.pending(config.brand(), email, newId(), intent,
                    now.plus(EnrollmentSteps.LEFT_TO_THE_JOB_AFTER));
            found = Optional.of(directory.start(fresh).orElse(fresh));
        }
        EnrollmentRecord record = found.get();
        boolean same = record.intent().filter(i -> i.requester().equals(intent.requester())
                && i.fingerprint().equals(intent.fingerprint())).isPresent();
        if (record.pending()) {
            EnrollmentSteps.Finished finished = steps.finish(config, record, c.requestRef());
            if (same && finished instanceof EnrollmentSteps.Finished.Completed done && done.pin().isPresent()) {
                return new Result.Enrolled(done.card(), done.pin().get(), done.referral());
            }
            return new Result.AlreadyMember();
        }
        boolean revealing = record.due().filter(now::isBefore).isPresent();
        Optional<String> pin = same && revealing ? steps.pin(record) : Optional.empty();
        return pin.<Result>map(p -> new Result.Enrolled(record.card().orElseThrow(), p, Optional.empty()))
                .orElseGet(Result.AlreadyMember::new);
    }

    private EnrollmentRecord.Intent intent(EnrollCommand c, CustomerForm.Parsed parsed, Instant now) {
        Customer customer = parsed.customer();
        Optional<CardNumber> sender = c.referralToken().flatMap(t -> links.verifyReferral(c.config().brand(), t, now))
                .map(LinkTokens.Referral::sender);
        return new EnrollmentRecord.Intent(customer, sender, c.portalUrl(), Fingerprint.of("enrollment-requester", c.requester()),
                formFingerprint(customer, parsed.demographics()), now, parsed.demographics());
    }

    /** What the form said, field by field: a resubmission with any field changed is another enrollment's form. */
    private static String formFingerprint(Customer c, Map<String, String> demographics) {
        String fixed = Fingerprint.of("enrollment-form", c.firstName(), c.lastName(), c.email(), c.phone(), c.address1(),
                c.address2(), c.city(), c.state(), c.postal(), c.country(), c.birthDate(), c.gender());
        return demographics.isEmpty() ? fixed : Fingerprint.of(fixed, new TreeMap<>(demographics));
    }

    /** 128 random bits: the enrollment's id, carried by the phone claims it makes. */
    private String newId() {
        byte[] id = new byte[16];
        random.nextBytes(id);
        return HexFormat.of().formatHex(id);
    }
}
