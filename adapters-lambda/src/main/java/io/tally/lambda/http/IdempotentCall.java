package io.tally.lambda.http;

import io.tally.domain.card.AllocationCheckpoint;
import io.tally.domain.card.CardNumber;
import io.tally.domain.coupon.CouponCheckpoint;
import io.tally.domain.coupon.CouponCode;
import io.tally.domain.ledger.IdempotencyPort;
import io.tally.domain.shared.Sealer;
import io.tally.domain.tenant.BrandId;
import java.time.Instant;
import java.util.Optional;

/**
 * A merchant call that holds the claim of its customRequestId, and what a method needs to finish a request whose
 * first attempt died: since when that attempt may have written ({@link #resumeSince}, for the ledger), and the
 * allocation it had chosen ({@link #checkpoint}, sealed at rest because it holds a PIN).
 */
public final class IdempotentCall {
    private final IdempotencyPort idempotency;
    private final Sealer sealer;
    private final BrandId brand;
    private final String requestId;
    private final String token;
    private final Optional<IdempotencyPort.IdempotencyRecord> takenOver;
    private final Instant claimedAt;

    IdempotentCall(IdempotencyPort idempotency, Sealer sealer, BrandId brand, String requestId, String token,
                   Optional<IdempotencyPort.IdempotencyRecord> takenOver, Instant claimedAt) {
        this.idempotency = idempotency;
        this.sealer = sealer;
        this.brand = brand;
        this.requestId = requestId;
        this.token = token;
        this.takenOver = takenOver;
        this.claimedAt = claimedAt;
    }

    /**
     * The instant the request's first attempt claimed its id: this call's own claim, or the lapsed one it took over
     * (a takeover keeps the first claim's instant). Every attempt reads the same instant, so a default time taken from
     * it (recordEvent's eventTime) is the same on every retry.
     */
    public Instant firstClaimedAt() {
        return takenOver.map(IdempotencyPort.IdempotencyRecord::claimedAt).orElse(claimedAt);
    }

    /** When this call took over a lapsed claim: the instant the request's first attempt began. */
    public Optional<Instant> resumeSince() {
        return takenOver.map(IdempotencyPort.IdempotencyRecord::claimedAt);
    }

    /** The allocation checkpoint kept in the claim's progress. */
    public AllocationCheckpoint checkpoint() {
        return new AllocationCheckpoint() {
            @Override
            public Optional<Choice> previous() {
                return takenOver.flatMap(IdempotencyPort.IdempotencyRecord::progress).map(p -> parse(sealer.open(p, associated())));
            }

            @Override
            public void record(Choice choice) {
                String text = choice.card().value() + "\n" + choice.pin() + "\n" + choice.pinHash();
                if (!idempotency.saveProgress(brand, requestId, token, sealer.seal(text, associated()))) {
                    throw new IllegalStateException("request " + requestId + " was taken over by a retry; this attempt stops");
                }
            }
        };
    }

    /** The coupon allocation checkpoint kept in the claim's progress: the chosen code and its allocation instant. */
    public CouponCheckpoint couponCheckpoint() {
        return new CouponCheckpoint() {
            @Override
            public Optional<Choice> previous() {
                return takenOver.flatMap(IdempotencyPort.IdempotencyRecord::progress).map(p -> {
                    String[] parts = sealer.open(p, associated()).split("\n", 2);
                    return new Choice(new CouponCode(parts[0]), Instant.ofEpochMilli(Long.parseLong(parts[1])));
                });
            }

            @Override
            public void record(Choice choice) {
                String text = choice.code().value() + "\n" + choice.allocatedAt().toEpochMilli();
                if (!idempotency.saveProgress(brand, requestId, token, sealer.seal(text, associated()))) {
                    throw new IllegalStateException("request " + requestId + " was taken over by a retry; this attempt stops");
                }
            }
        };
    }

    /** What a sealed value of this record is bound to: it opens only for this brand and customRequestId. */
    String associated() {
        return brand.value() + "\n" + requestId;
    }

    private static AllocationCheckpoint.Choice parse(String text) {
        String[] parts = text.split("\n", 3);
        return new AllocationCheckpoint.Choice(new CardNumber(parts[0]), parts[1], parts[2]);
    }
}
