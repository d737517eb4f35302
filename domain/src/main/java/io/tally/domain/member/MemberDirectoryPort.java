package io.tally.domain.member;

import io.tally.domain.card.CardNumber;
import io.tally.domain.tenant.BrandId;
import java.util.Optional;

/**
 * Which card a member's e-mail or phone belongs to, per brand. Enrollment claims each contact with one
 * conditional write, so two sign-ups with the same e-mail cannot both create members, even at the same instant.
 */
public interface MemberDirectoryPort {
    /** Claims the contact for the card. */
    ClaimOutcome claim(BrandId brand, ContactKey contact, CardNumber card);

    Optional<CardNumber> find(BrandId brand, ContactKey contact);

    /** Gives a claim back (only if the card still holds it): the enrollment that made it did not complete. */
    void release(BrandId brand, ContactKey contact, CardNumber card);

    sealed interface ClaimOutcome {
        /** Newly claimed, or already held by the same card (a retried enrollment). */
        record Claimed() implements ClaimOutcome {
        }

        record Taken(CardNumber owner) implements ClaimOutcome {
        }
    }
}
