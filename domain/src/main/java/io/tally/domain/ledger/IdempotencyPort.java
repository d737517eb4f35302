package io.tally.domain.ledger;

import io.tally.domain.tenant.BrandId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Remembers the customRequestIds of a brand, in the pattern of Powertools' idempotency utility: a request's first
 * call claims its id IN_PROGRESS with a lease and, when it has answered, COMPLETES the record with the answer to
 * replay. A duplicate while the first is in progress is told so (the merchant API answers 409); a duplicate after
 * completion gets the stored answer; a retry after the first caller died (its lease ran out) takes the claim over,
 * with whatever the first had recorded as its progress, so that it completes the same effect instead of making
 * another. A refused request gives its claim back, so a retry runs afresh. Every write is one conditional
 * single-item write; the claimant proves it still holds the claim with the token it claimed with. Records expire a
 * while after the claim (adapter: DynamoDB TTL); stored text is opaque here (the caller seals what holds a secret).
 */
public interface IdempotencyPort {
    /**
     * Claims the id for a request with this fingerprint until {@code leaseUntil}. {@link Claim.Claimed} for a fresh
     * claim or a takeover of a lapsed one (with the record taken over: its first claim instant and progress stay);
     * otherwise what is there: {@link Claim.InProgress}, {@link Claim.Completed} or {@link Claim.Reused}.
     */
    Claim claim(BrandId brand, String customRequestId, String fingerprint, String token, Instant now, Instant leaseUntil);

    /** Records the claimant's progress (what it has chosen before a write it cannot undo); false if it lost the claim. */
    boolean saveProgress(BrandId brand, String customRequestId, String token, String progress);

    /** Completes the claim with the answer to replay; false if the claimant lost the claim meanwhile. */
    boolean complete(BrandId brand, String customRequestId, String token, String response);

    /** Gives the claim up (the request was refused): the id is free again. Nothing happens if the token lost it. */
    void release(BrandId brand, String customRequestId, String token);

    /** The outcome of a claim. */
    sealed interface Claim {
        /** Ours. {@code takenOver}: the lapsed in-progress record this claim replaced, if any. */
        record Claimed(Optional<IdempotencyRecord> takenOver) implements Claim {
            public Claimed {
                Objects.requireNonNull(takenOver, "takenOver");
            }
        }

        /** Another call with this id is running (its lease has not run out). */
        record InProgress(IdempotencyRecord record) implements Claim {
        }

        /** Answered before: {@code record.response()} is the answer. */
        record Completed(IdempotencyRecord record) implements Claim {
        }

        /** The id was claimed for a different request (another fingerprint). */
        record Reused() implements Claim {
        }
    }

    enum Status { IN_PROGRESS, COMPLETED }

    /**
     * A claimed id. {@code claimedAt} is the first claim's instant (a takeover keeps it: the first call may have
     * written from then on); {@code leaseUntil} when an in-progress claim may be taken over.
     */
    record IdempotencyRecord(String fingerprint, Status status, String token, Instant claimedAt, Instant leaseUntil,
                             Optional<String> progress, Optional<String> response) {
        public IdempotencyRecord {
            Objects.requireNonNull(fingerprint, "fingerprint");
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(token, "token");
            Objects.requireNonNull(claimedAt, "claimedAt");
            Objects.requireNonNull(leaseUntil, "leaseUntil");
            Objects.requireNonNull(progress, "progress");
            Objects.requireNonNull(response, "response");
        }

        /**
         * What a new claim with {@code fingerprint} at {@code now} meets in this record: reused by another request,
         * completed, still in progress; empty when its lease has lapsed and the new claim may take it over. The one
         * rule every adapter applies after its conditional put found a live record.
         */
        public Optional<Claim> refuses(String fingerprint, Instant now) {
            if (!this.fingerprint.equals(fingerprint)) {
                return Optional.of(new Claim.Reused());
            }
            if (status == Status.COMPLETED) {
                return Optional.of(new Claim.Completed(this));
            }
            if (leaseUntil.isAfter(now)) {
                return Optional.of(new Claim.InProgress(this));
            }
            return Optional.empty();
        }
    }
}
