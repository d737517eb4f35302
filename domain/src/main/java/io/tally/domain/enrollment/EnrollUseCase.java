package io.tally.domain.enrollment;

import io.tally.domain.card.AllocateCardUseCase;
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
import io.tally.domain.member.LinkTokens;
import io.tally.domain.member.MemberDirectoryPort;
import io.tally.domain.member.MemberDirectoryPort.ClaimOutcome;
import io.tally.domain.portal.PortalConfig;
import io.tally.domain.referral.RewardReferralUseCase;
import io.tally.domain.shared.Outcome;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Joins the loyalty program without a password. Steps, each safe to repeat: check the form against the
 * brand's customer model; refuse a known e-mail or phone; allocate a card from the brand's enrollment card
 * set; claim the e-mail and phone for it (the conditional claims decide races; a loser releases what it
 * claimed); store the customer with countAsEnrollment (the ENROLL ledger entry and its event); tell
 * {@code member.enrolled}; queue the welcome e-mail; and, when the friend came through a referral link,
 * reward the referral.
 */
public final class EnrollUseCase {
    private final AllocateCardUseCase allocate;
    private final UpdateAccountUseCase account;
    private final MemberDirectoryPort directory;
    private final RewardReferralUseCase referrals;
    private final EmailOutboxPort outbox;
    private final LinkTokens links;
    private final PublishEventPort events;
    private final Clock clock;

    public EnrollUseCase(AllocateCardUseCase allocate, UpdateAccountUseCase account, MemberDirectoryPort directory,
                         RewardReferralUseCase referrals, EmailOutboxPort outbox, LinkTokens links,
                         PublishEventPort events, Clock clock) {
        this.allocate = allocate;
        this.account = account;
        this.directory = directory;
        this.referrals = referrals;
        this.outbox = outbox;
        this.links = links;
        this.events = events;
        this.clock = clock;
    }

    /**
     * @param applicationId  and {@code merchantId}: what the page carried; must match the brand's configuration
     * @param referralToken  the signed token of the referral link the friend followed, if any
     * @param portalUrl      the brand's portal base URL, for links in the welcome e-mail
     */
    public record EnrollCommand(PortalConfig config, String applicationId, String merchantId, Map<String, String> form,
                                Optional<String> referralToken, String portalUrl, String requestRef) {
        public EnrollCommand {
            Objects.requireNonNull(config, "config");
            form = Map.copyOf(form);
            Objects.requireNonNull(referralToken, "referralToken");
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
        CustomerForm.Parsed parsed = CustomerForm.parse(config.customerModel(), c.form());
        if (!parsed.valid()) {
            return new Result.Invalid(parsed.problems());
        }
        Customer customer = parsed.customer();
        List<ContactKey> contacts = contacts(customer);
        if (contacts.stream().anyMatch(k -> directory.find(config.brand(), k).isPresent())) {
            return new Result.AlreadyMember();
        }
        Outcome<AllocateCardUseCase.AllocatedCard> allocated = allocate.allocate(new AllocateCardUseCase.AllocateCardCommand(
                config.brand(), Optional.of(config.enrollmentCardSet()), Optional.empty()));
        if (!allocated.isAccepted()) {
            throw new IllegalStateException("enrollment card set unusable: " + allocated);
        }
        CardNumber card = allocated.value().card().number();
        for (int i = 0; i < contacts.size(); i++) {
            if (directory.claim(config.brand(), contacts.get(i), card) instanceof ClaimOutcome.Taken) {
                for (int j = 0; j < i; j++) {
                    directory.release(config.brand(), contacts.get(j), card);
                }
                return new Result.AlreadyMember();
            }
        }
        var stored = account.update(new UpdateAccountUseCase.UpdateAccountCommand(config.merchantContext(),
                RequestInfo.of(c.requestRef()), card, Optional.of(customer), Optional.empty(), Map.of(), Map.of(),
                Map.of(), Optional.empty(), true, Optional.empty()));
        if (!stored.isAccepted()) {
            throw new IllegalStateException("enrollment not stored: " + stored);
        }
        Instant now = clock.instant();
        Map<String, String> data = new LinkedHashMap<>();
        data.put("cardNumber", card.value());
        data.put("cardSet", config.enrollmentCardSet().value());
        events.publish(List.of(new DomainEvent("enroll-" + config.brand().value() + "-" + card.value(), "member.enrolled",
                config.brand(), now, data)));
        if (config.welcomeEmail()) {
            outbox.enqueue(new EmailMessage("welcome-" + card.value(), config.brand(), EmailKind.WELCOME, customer.email(),
                    config.transactionalList().id(), Map.of(
                    "firstName", customer.firstName() == null ? "" : customer.firstName(),
                    "cardLastFour", card.lastFour(),
                    "portalUrl", c.portalUrl(),
                    "preferencesUrl", c.portalUrl() + "/preferences?t=" + links.preferences(config.brand(), customer.email(), now))));
        }
        Optional<RewardReferralUseCase.Result> referral = c.referralToken()
                .flatMap(t -> links.verifyReferral(config.brand(), t, now))
                .map(r -> referrals.reward(config, r.sender(), card, c.requestRef()));
        return new Result.Enrolled(card, allocated.value().pin(), referral);
    }

    private static List<ContactKey> contacts(Customer customer) {
        return customer.phone() == null ? List.of(ContactKey.email(customer.email()))
                : List.of(ContactKey.email(customer.email()), ContactKey.phone(customer.phone()));
    }
}
