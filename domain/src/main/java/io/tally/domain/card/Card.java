package io.tally.domain.card;

import io.tally.domain.program.CardSetId;
import io.tally.domain.program.ProgramId;
import io.tally.domain.tenant.BrandId;
import io.tally.domain.tenant.LocationId;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A card's profile: who it belongs to and what is known about its holder. Balances are not here: they
 * live in the card's ledger ({@code io.tally.domain.ledger}), whose latest entry is the current state.
 * {@code version} increases by one on every stored change; {@link CardPort} writes are conditional on it.
 * {@code owningLocation} is the location the card belongs to (the one that handed it out, unless changed): segments
 * measure the customer's distance to it.
 */
public record Card(BrandId brand, CardNumber number, ProgramId program, CardSetId cardSet,
                   Optional<String> customCardNumber, CardStatus status, Optional<String> pinHash,
                   Optional<Customer> primaryCustomer, Optional<Customer> alternateCustomer,
                   Map<String, String> brandDemographics, Map<String, String> customData,
                   Map<String, String> thirdPartyUsernames, Optional<Instant> activatedAt,
                   Optional<Instant> enrolledAt, long version, Optional<LocationId> owningLocation) {
    public Card {
        Objects.requireNonNull(owningLocation, "owningLocation");
        Objects.requireNonNull(brand, "brand");
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(program, "program");
        Objects.requireNonNull(cardSet, "cardSet");
        Objects.requireNonNull(customCardNumber, "customCardNumber");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(pinHash, "pinHash");
        Objects.requireNonNull(primaryCustomer, "primaryCustomer");
        Objects.requireNonNull(alternateCustomer, "alternateCustomer");
        Objects.requireNonNull(activatedAt, "activatedAt");
        Objects.requireNonNull(enrolledAt, "enrolledAt");
        brandDemographics = sorted(brandDemographics);
        customData = sorted(customData);
        thirdPartyUsernames = sorted(thirdPartyUsernames);
        if (brandDemographics.size() > ProfileRules.MAX_FIELDS || customData.size() > ProfileRules.MAX_FIELDS
                || thirdPartyUsernames.size() > ProfileRules.MAX_THIRD_PARTY_USERNAMES) {
            throw new IllegalArgumentException("card profile over its field limits: check ProfileRules first");
        }
        if (version < 1) {
            throw new IllegalArgumentException("versions start at 1");
        }
        if (status == CardStatus.ACTIVE && activatedAt.isEmpty()) {
            throw new IllegalArgumentException("an active card has an activation instant");
        }
    }

    /** A card without an owning location. */
    public Card(BrandId brand, CardNumber number, ProgramId program, CardSetId cardSet, Optional<String> customCardNumber,
                CardStatus status, Optional<String> pinHash, Optional<Customer> primaryCustomer,
                Optional<Customer> alternateCustomer, Map<String, String> brandDemographics, Map<String, String> customData,
                Map<String, String> thirdPartyUsernames, Optional<Instant> activatedAt, Optional<Instant> enrolledAt,
                long version) {
        this(brand, number, program, cardSet, customCardNumber, status, pinHash, primaryCustomer, alternateCustomer,
                brandDemographics, customData, thirdPartyUsernames, activatedAt, enrolledAt, version, Optional.empty());
    }

    /** A card in a card set's pool, waiting to be allocated. */
    public static Card unallocated(BrandId brand, CardNumber number, ProgramId program, CardSetId cardSet) {
        return new Card(brand, number, program, cardSet, Optional.empty(), CardStatus.UNALLOCATED, Optional.empty(),
                Optional.empty(), Optional.empty(), Map.of(), Map.of(), Map.of(), Optional.empty(), Optional.empty(), 1);
    }

    public boolean enrolled() {
        return enrolledAt.isPresent();
    }

    /** This card handed out: active from {@code now}, with the given PIN hash. The version moves on by one. */
    public Card activated(String newPinHash, Instant now) {
        return activated(newPinHash, now, Optional.empty());
    }

    /** Handed out to {@code holder} (the primary customer, in the same write as the activation), if given. */
    public Card activated(String newPinHash, Instant now, Optional<Customer> holder) {
        return activated(newPinHash, now, holder, Optional.empty());
    }

    /** Also owned by {@code handedOutAt} from now on, unless the card already has an owning location. */
    public Card activated(String newPinHash, Instant now, Optional<Customer> holder, Optional<LocationId> handedOutAt) {
        return new Card(brand, number, program, cardSet, customCardNumber, CardStatus.ACTIVE,
                Optional.of(newPinHash), holder.or(() -> primaryCustomer), alternateCustomer, brandDemographics, customData,
                thirdPartyUsernames, Optional.of(now), enrolledAt, version + 1, owningLocation.or(() -> handedOutAt));
    }

    /** The next version of this card with a new profile; status, PIN and activation stay. */
    public Card withProfile(Optional<String> newCustomCardNumber, Optional<Customer> primary,
                            Optional<Customer> alternate, Map<String, String> demographics,
                            Map<String, String> data, Map<String, String> usernames, Optional<Instant> enrolled) {
        return withProfile(newCustomCardNumber, primary, alternate, demographics, data, usernames, enrolled, owningLocation);
    }

    /** The next version of this card with a new profile and owning location (empty: none); status, PIN and activation stay. */
    public Card withProfile(Optional<String> newCustomCardNumber, Optional<Customer> primary,
                            Optional<Customer> alternate, Map<String, String> demographics,
                            Map<String, String> data, Map<String, String> usernames, Optional<Instant> enrolled,
                            Optional<LocationId> owner) {
        return new Card(brand, number, program, cardSet, newCustomCardNumber, status, pinHash, primary, alternate,
                demographics, data, usernames, activatedAt, enrolled, version + 1, owner);
    }

    /**
     * This card switched on or off by the back office (ACTIVE or INACTIVE only, from the other of the two); profile,
     * PIN and activation instant stay. The version moves on by one.
     */
    public Card withStatus(CardStatus next) {
        if (next == CardStatus.UNALLOCATED || status == CardStatus.UNALLOCATED) {
            throw new IllegalArgumentException("only an allocated card is switched on or off");
        }
        return new Card(brand, number, program, cardSet, customCardNumber, next, pinHash, primaryCustomer,
                alternateCustomer, brandDemographics, customData, thirdPartyUsernames, activatedAt, enrolledAt, version + 1,
                owningLocation);
    }

    /** This card with a new PIN (its hash); the version moves on by one. */
    public Card withPinHash(String newPinHash) {
        return new Card(brand, number, program, cardSet, customCardNumber, status, Optional.of(newPinHash),
                primaryCustomer, alternateCustomer, brandDemographics, customData, thirdPartyUsernames, activatedAt,
                enrolledAt, version + 1, owningLocation);
    }

    /** The next version of this card, owned by {@code location} (empty: by none). */
    public Card withOwningLocation(Optional<LocationId> location) {
        return new Card(brand, number, program, cardSet, customCardNumber, status, pinHash, primaryCustomer,
                alternateCustomer, brandDemographics, customData, thirdPartyUsernames, activatedAt, enrolledAt, version + 1,
                location);
    }

    /** Without the PIN hash and the holder's details: a card may end up in a log line or an assertion message. */
    @Override
    public String toString() {
        return "Card[" + brand + " " + number + " " + status + " v" + version + "]";
    }

    private static Map<String, String> sorted(Map<String, String> fields) {
        return fields == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(fields));
    }
}
