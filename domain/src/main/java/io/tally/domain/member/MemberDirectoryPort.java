package io.tally.domain.member;

import io.tally.domain.card.CardNumber;
import io.tally.domain.tenant.BrandId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Which card a member's e-mail or phone belongs to, per brand, and the enrollments that claim them. Every change is
 * one conditional single-item write, so two sign-ups with the same e-mail or phone cannot both create members, even
 * at the same instant, and an enrollment that dies part-way is finished by whoever comes next (a resubmission, or
 * the periodic job that asks {@link #due}).
 *
 * <p>An e-mail is claimed by {@link #start}ing an enrollment: the claim is the enrollment's record
 * ({@link EnrollmentRecord}). A phone is {@link #claim}ed by an enrollment for the card it has chosen, before that
 * card is written, and moves along with the enrollment's later choices.
 */
public interface MemberDirectoryPort {
    /** The most {@link #due} returns per call. */
    int MAX_DUE = 100;

    /** The card an e-mail or phone belongs to (or, while its enrollment is pending, the card chosen for it). */
    Optional<CardNumber> find(BrandId brand, ContactKey contact);

    /**
     * Claims a phone for the card that enrollment {@code enrollmentId} chose in choice number {@code round}: if nobody
     * holds it, or the same enrollment does for this or an earlier choice (the claim moves along).
     */
    ClaimOutcome claim(BrandId brand, ContactKey phone, CardNumber card, String enrollmentId, int round);

    /** Claims the e-mail for a new pending enrollment. Empty if this call claimed it; otherwise what holds the e-mail. */
    Optional<EnrollmentRecord> start(EnrollmentRecord pending);

    /** The e-mail's claim, read consistently: a pending or complete enrollment (a member's e-mail). */
    Optional<EnrollmentRecord> enrollment(BrandId brand, ContactKey email);

    /**
     * Records the enrollment's next card choice ({@code seen.round() + 1}) with its sealed PIN, before that card is
     * written; only if the claim is still {@code seen}'s pending enrollment at {@code seen}'s round. False when another
     * attempt recorded a choice first, or the enrollment is no longer pending.
     */
    boolean choose(EnrollmentRecord seen, CardNumber card, EnrollmentRecord.SealedPin pin);

    /**
     * Marks the pending enrollment COMPLETE, if it still is {@code pending} at the same round (so the card completed is
     * the last one chosen). Its sealed PIN stays until {@code revealUntil}, its new due time. False if not.
     */
    boolean complete(EnrollmentRecord pending, Instant revealUntil);

    /** Gives the e-mail back, if it is still held by this pending enrollment (one that cannot finish). */
    void abandon(EnrollmentRecord pending);

    /** Drops a complete enrollment's secrets and intent (its PIN, requester, form) and takes it off the due list. */
    void scrub(EnrollmentRecord complete);

    /** Moves the record's due time (a job that could not finish it tries again later); false if it is not there. */
    boolean postpone(EnrollmentRecord record, Instant due);

    /**
     * Records due before {@code before}, across brands, the longest due first, at most {@code limit} (up to
     * {@link #MAX_DUE}). May lag the records (adapter: a sparse index): read a record again before acting on it.
     */
    List<EnrollmentRecord> due(Instant before, int limit);

    sealed interface ClaimOutcome {
        /** Newly claimed, or already held for this card (a retry), or moved here from the enrollment's earlier choice. */
        record Claimed() implements ClaimOutcome {
        }

        /** Another member or enrollment holds it. */
        record Taken(CardNumber owner) implements ClaimOutcome {
        }

        /** The same enrollment holds it for a later choice: the caller works from an outdated record. */
        record Superseded(CardNumber card) implements ClaimOutcome {
        }
    }
}
