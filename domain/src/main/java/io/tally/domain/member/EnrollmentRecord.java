package io.tally.domain.member;

import io.tally.domain.card.CardNumber;
import io.tally.domain.card.Customer;
import io.tally.domain.tenant.BrandId;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An enrollment as its e-mail's claim records it. Claiming the e-mail is the enrollment's first write and its commit
 * point: from then on the e-mail belongs to this enrollment, and the claim holds what it takes to finish it without
 * the person who started it (the {@link Intent}) and, once chosen, the card it allocates with that card's PIN sealed
 * ({@link SealedPin}), so every retry finishes the same allocation. PENDING until every step is done, then COMPLETE.
 *
 * @param id     random, per enrollment; the phone claims it makes carry it ({@link MemberDirectoryPort#claim})
 * @param card   the chosen card (of choice number {@code round}; 0 = nothing chosen yet); for a member, their card
 * @param pin    the chosen card's PIN, sealed; kept after completion only until {@code due} (the PIN is shown again
 *               to the same person resubmitting the same form), then scrubbed
 * @param due    while the record has something left to do: when the periodic job should see to it (finish a pending
 *               enrollment nobody resubmitted; scrub a complete one's secrets). Empty: nothing left to do.
 */
public record EnrollmentRecord(BrandId brand, ContactKey email, String id, Status status, Optional<CardNumber> card,
                               int round, Optional<SealedPin> pin, Optional<Intent> intent, Optional<Instant> due) {
    public enum Status { PENDING, COMPLETE }

    public EnrollmentRecord {
        Objects.requireNonNull(brand, "brand");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(card, "card");
        Objects.requireNonNull(pin, "pin");
        Objects.requireNonNull(intent, "intent");
        Objects.requireNonNull(due, "due");
        if (email.kind() != ContactKey.Kind.EMAIL) {
            throw new IllegalArgumentException("an enrollment is recorded on its e-mail's claim");
        }
        if (round < 0 || (status == Status.PENDING && (round > 0) != card.isPresent())) {
            throw new IllegalArgumentException("a pending enrollment has a card exactly when it has chosen one");
        }
        if (status == Status.PENDING && (intent.isEmpty() || due.isEmpty() || pin.isPresent() != card.isPresent())) {
            throw new IllegalArgumentException("a pending enrollment has its intent, its due time and its chosen card's PIN");
        }
    }

    /** A new enrollment, nothing chosen yet. */
    public static EnrollmentRecord pending(BrandId brand, ContactKey email, String id, Intent intent, Instant due) {
        return new EnrollmentRecord(brand, email, id, Status.PENDING, Optional.empty(), 0, Optional.empty(),
                Optional.of(intent), Optional.of(due));
    }

    /** This pending enrollment after its next choice: round + 1. */
    public EnrollmentRecord chosen(CardNumber newCard, SealedPin newPin) {
        if (status != Status.PENDING) {
            throw new IllegalStateException("only a pending enrollment chooses a card");
        }
        return new EnrollmentRecord(brand, email, id, status, Optional.of(newCard), round + 1, Optional.of(newPin), intent, due);
    }

    public boolean pending() {
        return status == Status.PENDING;
    }

    /**
     * What the enrollment is to do, fixed by its first write: the customer from the form, the referral sender (from a
     * verified referral link), the portal's URL for the welcome e-mail's links, who submitted it ({@code requester}, a
     * digest of something only that browser has) and a fingerprint of the form, so that a resubmission can be told
     * to be the same enrollment, and when it started.
     */
    public record Intent(Customer customer, Optional<CardNumber> referralSender, String portalUrl, String requester,
                         String fingerprint, Instant startedAt, Map<String, String> demographics) {
        public Intent {
            demographics = Map.copyOf(demographics);
            Objects.requireNonNull(customer, "customer");
            Objects.requireNonNull(customer.email(), "customer.email");
            Objects.requireNonNull(referralSender, "referralSender");
            Objects.requireNonNull(portalUrl, "portalUrl");
            Objects.requireNonNull(requester, "requester");
            Objects.requireNonNull(fingerprint, "fingerprint");
            Objects.requireNonNull(startedAt, "startedAt");
        }

        /** An intent without brand demographics. */
        public Intent(Customer customer, Optional<CardNumber> referralSender, String portalUrl, String requester,
                      String fingerprint, Instant startedAt) {
            this(customer, referralSender, portalUrl, requester, fingerprint, startedAt, Map.of());
        }

        public Optional<ContactKey> phone() {
            return Optional.ofNullable(customer.phone()).map(ContactKey::phone);
        }
    }

    /** A chosen card's PIN: its salted hash (what the card gets) and the PIN itself, sealed ({@code Sealer}). */
    public record SealedPin(String hash, String sealed) {
        public SealedPin {
            Objects.requireNonNull(hash, "hash");
            Objects.requireNonNull(sealed, "sealed");
        }

        @Override
        public String toString() {
            return "SealedPin[****]";
        }
    }
}
