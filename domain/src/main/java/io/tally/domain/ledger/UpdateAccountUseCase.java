package io.tally.domain.ledger;

import io.tally.domain.card.Card;
import io.tally.domain.card.CardNumber;
import io.tally.domain.card.CardPort;
import io.tally.domain.card.CardStatus;
import io.tally.domain.card.Customer;
import io.tally.domain.card.Pins;
import io.tally.domain.card.ProfileRules;
import io.tally.domain.portal.CustomerModel;
import io.tally.domain.portal.DemographicField;
import io.tally.domain.portal.PortalConfig;
import io.tally.domain.portal.PortalConfigPort;
import io.tally.domain.shared.Fingerprint;
import io.tally.domain.shared.Outcome;
import io.tally.domain.shared.Reason;
import io.tally.domain.shared.Rejection;
import io.tally.domain.shared.RetryPolicy;
import io.tally.domain.tenant.BrandId;
import io.tally.domain.tenant.Location;
import io.tally.domain.tenant.LocationGroup;
import io.tally.domain.tenant.LocationId;
import io.tally.domain.tenant.LocationsPort;
import io.tally.domain.tenant.MerchantContext;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Stores what the merchant knows about the card holder. Customers merge field by field (absent keeps);
 * named fields merge by name (an empty value deletes). With countAsEnrollment the card is enrolled: an
 * ENROLL ledger entry first (written once: the card state knows it is enrolled), then the profile with the
 * enrollment instant. If the second write is lost, the retry finds the ledger enrolled and completes the profile.
 * Brand demographics are checked against the brand's customer model ({@link CustomerModel}). An owning location
 * (segments' owning-location proximity) must be one of the brand's locations.
 * Lives in the ledger package because it writes a ledger entry (the card package does not see the ledger).
 */
public final class UpdateAccountUseCase {
    /** The locations of a caller that never sets an owning location: none, so one given is refused. */
    private static final LocationsPort NO_LOCATIONS = new LocationsPort() {
        @Override
        public List<Location> locations(BrandId brand) {
            return List.of();
        }

        @Override
        public List<LocationGroup> groups(BrandId brand) {
            return List.of();
        }
    };

    private final CardPort cards;
    private final CardLedgerWriter writer;
    private final RetryPolicy retry;
    private final PortalConfigPort models;
    private final LocationsPort locations;

    /**
     * {@code models}: where the brand's customer model is kept (its portal configuration), read only when needed;
     * {@code locations}: the brand's locations, read (one query) only when a command names an owning location.
     */
    public UpdateAccountUseCase(CardPort cards, CardLedgerWriter writer, RetryPolicy retry, PortalConfigPort models,
                                LocationsPort locations) {
        this.cards = cards;
        this.writer = writer;
        this.retry = retry;
        this.models = models;
        this.locations = locations;
    }

    /** For callers that never set an owning location (the member portal): one given is refused as unknown. */
    public UpdateAccountUseCase(CardPort cards, CardLedgerWriter writer, RetryPolicy retry, PortalConfigPort models) {
        this(cards, writer, retry, models, NO_LOCATIONS);
    }

    public record UpdateAccountCommand(MerchantContext context, RequestInfo info, CardNumber card,
                                       Optional<Customer> primaryCustomer, Optional<Customer> alternateCustomer,
                                       Map<String, String> brandDemographics, Map<String, String> customData,
                                       Map<String, String> thirdPartyUsernames, Optional<String> customCardNumber,
                                       boolean countAsEnrollment, Optional<String> pin,
                                       Optional<LocationId> owningLocation) {
        public UpdateAccountCommand {
            Objects.requireNonNull(owningLocation, "owningLocation");
            Objects.requireNonNull(context, "context");
            Objects.requireNonNull(info, "info");
            Objects.requireNonNull(card, "card");
            Objects.requireNonNull(primaryCustomer, "primaryCustomer");
            Objects.requireNonNull(alternateCustomer, "alternateCustomer");
            brandDemographics = Map.copyOf(brandDemographics);
            customData = Map.copyOf(customData);
            thirdPartyUsernames = Map.copyOf(thirdPartyUsernames);
            Objects.requireNonNull(customCardNumber, "customCardNumber");
            Objects.requireNonNull(pin, "pin");
        }

        /** A command that leaves the owning location as it is. */
        public UpdateAccountCommand(MerchantContext context, RequestInfo info, CardNumber card,
                                    Optional<Customer> primaryCustomer, Optional<Customer> alternateCustomer,
                                    Map<String, String> brandDemographics, Map<String, String> customData,
                                    Map<String, String> thirdPartyUsernames, Optional<String> customCardNumber,
                                    boolean countAsEnrollment, Optional<String> pin) {
            this(context, info, card, primaryCustomer, alternateCustomer, brandDemographics, customData,
                    thirdPartyUsernames, customCardNumber, countAsEnrollment, pin, Optional.empty());
        }
    }

    public Outcome<Card> update(UpdateAccountCommand c) {
        Optional<Rejection> invalid = check(c);
        if (invalid.isPresent()) {
            return Outcome.rejected(invalid.get());
        }
        Optional<Card> card = cards.load(c.context().brand(), c.card());
        if (card.isEmpty()) {
            return Outcome.rejected(Reason.CARD_NOT_FOUND, "Could not find the specified card.");
        }
        if (card.get().status() != CardStatus.ACTIVE) {
            return Outcome.rejected(Reason.CARD_NOT_ACTIVE, "Could not find the account that goes with the specified card.");
        }
        if (c.pin().isPresent() && !Pins.matches(card.get(), c.pin().get())) {
            return Outcome.rejected(Reason.INVALID_PIN, "Invalid card PIN.");
        }
        if (c.owningLocation().isPresent() && locations.locations(c.context().brand()).stream()
                .noneMatch(l -> l.id().equals(c.owningLocation().get()))) {
            return Outcome.rejected(Reason.INVALID_REQUEST, "owningLocation: the brand has no location "
                    + c.owningLocation().get() + ".");
        }
        Outcome<Map<String, String>> demographics = demographics(c, card.get());
        if (!demographics.isAccepted()) {
            return demographics.map(d -> null);
        }
        Optional<Instant> enrolledAt = Optional.empty();
        if (c.countAsEnrollment()) {
            Outcome<CardLedgerWriter.Written> enrolled = enroll(c);
            if (!enrolled.isAccepted()) {
                return enrolled.map(w -> null);
            }
            enrolledAt = enrolled.value().state().enrolledAt();
        }
        return save(c, demographics.value(), enrolledAt);
    }

    /**
     * The demographics checked against the brand's customer model (normalised); on enrollment the card must end up
     * with every required field. The model is read only when there is something to check.
     */
    private Outcome<Map<String, String>> demographics(UpdateAccountCommand c, Card card) {
        if (c.brandDemographics().isEmpty() && !c.countAsEnrollment()) {
            return Outcome.accepted(c.brandDemographics());
        }
        List<DemographicField> model = models.load(c.context().brand()).map(PortalConfig::demographics).orElse(List.of());
        CustomerModel.Checked checked = CustomerModel.values(model, c.brandDemographics());
        Optional<CustomerModel.Problem> problem = checked.first().or(() -> !c.countAsEnrollment() ? Optional.empty()
                : CustomerModel.missing(model, merge(card.brandDemographics(), checked.values())).stream().findFirst());
        return problem.<Outcome<Map<String, String>>>map(p -> Outcome.rejected(Reason.INVALID_REQUEST,
                "brandDemographics." + p.field() + ": " + p.message())).orElseGet(() -> Outcome.accepted(checked.values()));
    }

    private Outcome<CardLedgerWriter.Written> enroll(UpdateAccountCommand c) {
        String fingerprint = Fingerprint.of("enroll", c.card().value());
        CardLedgerWriter.Target target = new CardLedgerWriter.Target(c.context().brand(), c.card(),
                Origin.of(c.context(), c.info(), fingerprint), Optional.empty(), true);
        return writer.write(target, (card, state, txn, now) -> Outcome.accepted(state.enrolledAt().isPresent()
                ? Optional.empty() : Optional.of(CardLedgerWriter.Draft.of(EntryType.ENROLL, List.of()))));
    }

    private Outcome<Card> save(UpdateAccountCommand c, Map<String, String> newDemographics, Optional<Instant> enrolledAt) {
        for (int attempt = 1; attempt <= retry.maxAttempts(); attempt++) {
            Optional<Card> current = cards.load(c.context().brand(), c.card());
            if (current.isEmpty()) {
                return Outcome.rejected(Reason.CARD_NOT_FOUND, "Could not find the specified card.");
            }
            Card card = current.get();
            Map<String, String> demographics = merge(card.brandDemographics(), newDemographics);
            Map<String, String> data = merge(card.customData(), c.customData());
            Map<String, String> usernames = merge(card.thirdPartyUsernames(), c.thirdPartyUsernames());
            Optional<Rejection> tooMany = ProfileRules.checkFields("brandDemographics", demographics, ProfileRules.MAX_FIELDS)
                    .or(() -> ProfileRules.checkFields("customData", data, ProfileRules.MAX_FIELDS))
                    .or(() -> ProfileRules.checkFields("thirdPartyUsernames", usernames, ProfileRules.MAX_THIRD_PARTY_USERNAMES));
            if (tooMany.isPresent()) {
                return Outcome.rejected(tooMany.get());
            }
            Card changed = card.withProfile(
                    c.customCardNumber().isPresent() ? c.customCardNumber().filter(s -> !s.isBlank()) : card.customCardNumber(),
                    merge(card.primaryCustomer(), c.primaryCustomer()), merge(card.alternateCustomer(), c.alternateCustomer()),
                    demographics, data, usernames, card.enrolledAt().or(() -> enrolledAt),
                    c.owningLocation().or(card::owningLocation));
            CardPort.WriteOutcome written = cards.update(changed);
            if (written == CardPort.WriteOutcome.WRITTEN) {
                return Outcome.accepted(changed);
            }
            if (written == CardPort.WriteOutcome.NOT_FOUND) {
                return Outcome.rejected(Reason.CARD_NOT_FOUND, "Could not find the specified card.");
            }
            if (attempt < retry.maxAttempts()) {
                retry.backoff().pause(attempt);
            }
        }
        return Outcome.rejected(Reason.CONTENDED, "the card profile is busy; retry");
    }

    private static Optional<Rejection> check(UpdateAccountCommand c) {
        return c.info().check()
                .or(() -> c.primaryCustomer().flatMap(ProfileRules::check))
                .or(() -> c.alternateCustomer().flatMap(ProfileRules::check))
                .or(() -> ProfileRules.checkFields("brandDemographics", c.brandDemographics(), ProfileRules.MAX_FIELDS))
                .or(() -> ProfileRules.checkFields("customData", c.customData(), ProfileRules.MAX_FIELDS))
                .or(() -> ProfileRules.checkFields("thirdPartyUsernames", c.thirdPartyUsernames(), ProfileRules.MAX_THIRD_PARTY_USERNAMES))
                .or(() -> c.customCardNumber().flatMap(ProfileRules::checkCustomCardNumber));
    }

    private static Optional<Customer> merge(Optional<Customer> current, Optional<Customer> update) {
        if (update.isEmpty()) {
            return current;
        }
        return Optional.of(current.orElse(Customer.EMPTY).mergedWith(update.get()));
    }

    private static Map<String, String> merge(Map<String, String> current, Map<String, String> update) {
        Map<String, String> merged = new TreeMap<>(current);
        update.forEach((k, v) -> {
            if (v == null || v.isEmpty()) {
                merged.remove(k);
            } else {
                merged.put(k, v);
            }
        });
        return merged;
    }
}
