package io.tally.domain.ledger;

import io.tally.domain.program.ValueTypeKey;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a CHECKOUT entry records about its sale, besides its balance changes: the basket, what the campaigns made of it
 * (mutations, discounts, coupons, messages, and for every campaign considered whether it fired or the first condition
 * that failed), and the checkout's key, which names it in the coupon claims made for it.
 *
 * @param key            names the checkout across its retries (coupon claims carry it)
 * @param stage          SETUP: the first stage of a two-stage checkout (redemptions held, coupons reserved, nothing
 *                       earned yet); COMMIT: a single-stage checkout, or the completion of a setup (the entry's
 *                       {@code related} names the setup)
 * @param until          SETUP: when its reservations lapse
 * @param mutations      the answer's balanceMutations in minor units: value moved on the card and discounts given
 * @param couponsUsed    presented coupons this checkout uses (codes)
 * @param couponsAwarded coupons of the campaigns' sets allocated to the card by this checkout (codes)
 * @param perCardFires   campaigns that fired and have a per-card limit, with how many firings the card's state keeps for
 *                       each: the state counts them ({@link CheckoutStats#committed})
 */
public record CheckoutFacts(String key, Stage stage, Optional<Instant> until, List<Line> lines, BigDecimal checkoutTotal,
                            BigDecimal totalDiscount, List<Mutation> mutations, List<String> couponsUsed,
                            List<String> couponsAwarded, List<Explained> explanations, List<String> messages,
                            List<PerCardFire> perCardFires) {
    /**
     * Messages a checkout returns and records: the first ones, in the order the campaigns gave them (then the notes of
     * coupons no longer left to award); the rest are left out (docs/API.md, "Checkout").
     */
    public static final int MAX_MESSAGES = 10;
    /** Characters of an explanation's failed condition a checkout returns and records; longer ones end in "…". */
    public static final int MAX_FAILED_LENGTH = 80;

    /** No bounds checked: sales recorded before {@link #MAX_MESSAGES} and {@link #MAX_FAILED_LENGTH} must still read. */
    public CheckoutFacts {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(until, "until");
        lines = List.copyOf(lines);
        Objects.requireNonNull(checkoutTotal, "checkoutTotal");
        Objects.requireNonNull(totalDiscount, "totalDiscount");
        mutations = List.copyOf(mutations);
        couponsUsed = List.copyOf(couponsUsed);
        couponsAwarded = List.copyOf(couponsAwarded);
        explanations = List.copyOf(explanations);
        messages = List.copyOf(messages);
        perCardFires = List.copyOf(perCardFires);
        if (stage == Stage.SETUP && until.isEmpty()) {
            throw new IllegalArgumentException("a setup says until when it holds");
        }
    }

    /**
     * A campaign with a per-card limit that fired, and how many of its latest firings the card's state keeps: as many
     * as its per-period limit counts ({@code times}), none for a limit in all only (the state's total decides it).
     * Decided when the checkout is, from the campaign's limits, so that the fold needs no configuration. A checkout
     * recorded before keep counts were keeps {@link CheckoutStats#RECENT_FIRES}, as it did then.
     */
    public record PerCardFire(String campaign, int keep) {
        public PerCardFire {
            Objects.requireNonNull(campaign, "campaign");
            if (keep < 0 || keep > CheckoutStats.RECENT_FIRES) {
                throw new IllegalArgumentException("a campaign keeps 0-" + CheckoutStats.RECENT_FIRES + " firings");
            }
        }

        /** How a checkout recorded before keep counts reads: it kept the latest {@link CheckoutStats#RECENT_FIRES}. */
        public static PerCardFire recorded(String campaign) {
            return new PerCardFire(campaign, CheckoutStats.RECENT_FIRES);
        }
    }

    /** The first {@link #MAX_MESSAGES} of {@code messages}. */
    public static List<String> shown(List<String> messages) {
        return List.copyOf(messages.subList(0, Math.min(messages.size(), MAX_MESSAGES)));
    }

    /** {@code failed} cut to {@link #MAX_FAILED_LENGTH} characters, the last an ellipsis, never inside a surrogate pair. */
    public static Optional<String> shortened(Optional<String> failed) {
        return failed.map(f -> {
            if (f.length() <= MAX_FAILED_LENGTH) {
                return f;
            }
            int cut = MAX_FAILED_LENGTH - 1;
            if (Character.isHighSurrogate(f.charAt(cut - 1))) {
                cut--;
            }
            return f.substring(0, cut) + "…";
        });
    }

    public enum Stage {
        SETUP,
        COMMIT
    }

    /** One basket line as the till sent it. */
    public record Line(String sku, BigDecimal quantity, BigDecimal unitPrice) {
        public Line {
            Objects.requireNonNull(sku, "sku");
            Objects.requireNonNull(quantity, "quantity");
            Objects.requireNonNull(unitPrice, "unitPrice");
        }
    }

    /**
     * A balance mutation of the answer: {@code amount} in the value type's minor units, signed. REDEEM: value spent from
     * the card (negative); EARN: what the campaigns changed on the card (points, punches, counters; signed); DISCOUNT:
     * a discount given, in the checkout currency (negative).
     */
    public record Mutation(ValueTypeKey key, long amount, Kind kind) {
        public Mutation {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(kind, "kind");
        }

        public boolean discount() {
            return kind == Kind.DISCOUNT;
        }
    }

    public enum Kind {
        REDEEM,
        EARN,
        DISCOUNT
    }

    /** Whether a campaign fired, or the first of its conditions that failed. */
    public record Explained(String campaign, boolean fired, Optional<String> failed) {
        public Explained {
            Objects.requireNonNull(campaign, "campaign");
            Objects.requireNonNull(failed, "failed");
        }
    }
}
