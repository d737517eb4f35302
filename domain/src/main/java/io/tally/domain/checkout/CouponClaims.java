package io.tally.domain.checkout;

import io.tally.domain.card.CardNumber;
import io.tally.domain.coupon.Coupon;
import io.tally.domain.coupon.CouponCode;
import io.tally.domain.coupon.CouponPort;
import io.tally.domain.coupon.CouponRules;
import io.tally.domain.coupon.CouponSetId;
import io.tally.domain.ledger.CardLedgerPort;
import io.tally.domain.ledger.CheckoutFacts;
import io.tally.domain.ledger.EntryType;
import io.tally.domain.ledger.LedgerEntry;
import io.tally.domain.ledger.TransactionId;
import io.tally.domain.shared.Outcome;
import io.tally.domain.shared.RandomSource;
import io.tally.domain.shared.Reason;
import io.tally.domain.shared.Rejection;
import io.tally.domain.tenant.BrandId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Coupons through a checkout, each step one conditional write of the coupon ({@link CouponPort#update}, on its
 * version). Before the commit a checkout <em>claims</em> the coupons it will use or hand out, naming itself (its key)
 * and its commit: the card and the ledger sequence its CHECKOUT entry will take (an anonymous checkout: its record).
 * The commit names the coupons; after it the claims are <em>finalised</em> (used; or allocated to the card), by the
 * call itself, by the event consumer when the entry's event arrives, or by whoever meets the claim next. A claim whose
 * checkout never committed lapses ({@code until}) and is <em>released</em> by whoever meets it next: the entry at the
 * claim's sequence (or the anonymous record) tells which. So a coupon is never used without its checkout, nor used
 * twice, and a checkout that died leaves nothing that does not resolve itself.
 *
 * <p>The one assumption: a checkout never writes its entry after its claim lapsed. The claim lasts {@link #LEASE}
 * (setups: until they lapse), a checkout's claims and its append are milliseconds apart, and the API function's timeout
 * (10 s) ends any call long before; see docs/ARCHITECTURE.md.
 */
public final class CouponClaims {
    /** How long a single-stage checkout's claims last. */
    public static final java.time.Duration LEASE = java.time.Duration.ofMinutes(2);
    static final int ATTEMPTS = 10;
    /** Pool candidates read per reward draw. */
    static final int CANDIDATES = 20;

    private final CouponPort coupons;
    private final CardLedgerPort ledger;
    private final CheckoutRecordPort records;
    private final RandomSource random;

    public CouponClaims(CouponPort coupons, CardLedgerPort ledger, CheckoutRecordPort records, RandomSource random) {
        this.coupons = coupons;
        this.ledger = ledger;
        this.records = records;
        this.random = random;
    }

    /** Who claims: the checkout's key, the card and sequence of its commit (none for an anonymous checkout), until when. */
    public record Claimant(String key, Optional<CardNumber> card, long sequence, Instant until) {
        Coupon.Claim claim(Coupon.Purpose purpose) {
            return new Coupon.Claim(key, card, sequence, purpose, until);
        }
    }

    /** Claims a presented coupon for use (or moves the claimant's own claim to a new sequence). */
    public Outcome<Coupon> claimUse(BrandId brand, CouponCode code, Claimant who, Instant now) {
        return claimUse(brand, code, Optional.empty(), who, now);
    }

    /**
     * As {@link #claimUse(BrandId, CouponCode, Claimant, Instant)}, starting from {@code known}, the coupon as the caller
     * has just read it (its write is conditional on that version: a coupon that moved on is read again).
     */
    public Outcome<Coupon> claimUse(BrandId brand, CouponCode code, Optional<Coupon> known, Claimant who, Instant now) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Optional<Coupon> found = attempt == 0 && known.isPresent() ? known : coupons.find(brand, code);
            if (found.isEmpty()) {
                return Outcome.rejected(Reason.COUPON_NOT_FOUND, "no coupon " + code);
            }
            Coupon c = found.get();
            if (c.claim().isPresent() && !c.claim().get().key().equals(who.key())) {
                if (c.claimedAt(now)) {
                    return Outcome.rejected(Reason.COUPON_IN_USE, "coupon " + code + " is being used by another checkout");
                }
                resolve(c, now);
                continue;
            }
            Optional<Rejection> problem = CouponRules.check(c, who.card(), now);
            if (problem.isPresent()) {
                return Outcome.rejected(problem.get());
            }
            Coupon claimed = c.with(c.cards(), c.tags(), c.allocatedAt(), c.used(), Optional.of(who.claim(Coupon.Purpose.USE)));
            if (coupons.update(claimed) == CouponPort.WriteOutcome.WRITTEN) {
                return Outcome.accepted(claimed);
            }
        }
        return Outcome.rejected(Reason.COUPON_IN_USE, "coupon " + code + " is busy; retry");
    }

    /**
     * Re-pins a reward coupon the claimant already holds to its new sequence; empty if the claim is no longer its own.
     */
    public Optional<Coupon> repin(BrandId brand, CouponCode code, Claimant who, Instant now) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Optional<Coupon> c = coupons.find(brand, code);
            if (c.isEmpty() || c.get().claim().filter(k -> k.key().equals(who.key())).isEmpty()) {
                return Optional.empty();
            }
            Coupon.Claim old = c.get().claim().get();
            Coupon moved = c.get().with(c.get().cards(), c.get().tags(), c.get().allocatedAt(), c.get().used(),
                    Optional.of(who.claim(old.purpose())));
            if (coupons.update(moved) == CouponPort.WriteOutcome.WRITTEN) {
                return Optional.of(moved);
            }
        }
        return Optional.empty();
    }

    /** Claims one coupon of the set's pool to hand out; empty when the pool has none left. */
    public Optional<Coupon> claimReward(BrandId brand, CouponSetId set, Claimant who, Instant now) {
        for (int round = 0; round < ATTEMPTS; round++) {
            List<Coupon> pool = new ArrayList<>(coupons.pool(brand, set, CANDIDATES));
            pool.removeIf(c -> !c.inPool() || (c.claimedAt(now) && !c.claim().get().key().equals(who.key())));
            if (pool.isEmpty()) {
                return Optional.empty();
            }
            Coupon pick = pool.get(random.nextInt(pool.size()));
            if (pick.claim().isPresent() && !pick.claim().get().key().equals(who.key())) {
                resolve(pick, now);
                continue;
            }
            Coupon claimed = pick.with(pick.cards(), pick.tags(), pick.allocatedAt(), pick.used(),
                    Optional.of(who.claim(Coupon.Purpose.ALLOCATE)));
            if (coupons.update(claimed) == CouponPort.WriteOutcome.WRITTEN) {
                return Optional.of(claimed);
            }
        }
        return Optional.empty();
    }

    /** Gives back the claimant's claims on these coupons (a refused or abandoned checkout). Best effort. */
    public void release(BrandId brand, List<CouponCode> codes, String key) {
        for (CouponCode code : codes) {
            try {
                for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
                    Optional<Coupon> c = coupons.find(brand, code);
                    if (c.isEmpty() || c.get().claim().filter(k -> k.key().equals(key)).isEmpty()) {
                        break;
                    }
                    if (coupons.update(unclaimed(c.get())) == CouponPort.WriteOutcome.WRITTEN) {
                        break;
                    }
                }
            } catch (RuntimeException e) {
                // the claim lapses and whoever meets it next releases it
            }
        }
    }

    /** After a card checkout's commit: its coupons used, its awards allocated to the card. Idempotent. */
    public void finalise(LedgerEntry entry) {
        finalise(entry, java.util.Map.of());
    }

    /**
     * As {@link #finalise(LedgerEntry)}, starting from the coupons as the caller last wrote them (its claims): each write is
     * conditional on that version, and a coupon that moved on is read again.
     */
    public void finalise(LedgerEntry entry, java.util.Map<CouponCode, Coupon> known) {
        CheckoutFacts sale = entry.posting().checkout().orElseThrow();
        if (entry.type() == EntryType.VOID) {
            giveBack(entry.brand(), sale, entry.time(), Optional.of(entry.transactionId()));
            return;
        }
        if (sale.stage() != CheckoutFacts.Stage.COMMIT) {
            return;
        }
        finalise(entry.brand(), sale, Optional.of(entry.card()), entry.transactionId(), entry.time(), known);
    }

    /** After an anonymous checkout's commit (or its void). Idempotent. */
    public void finalise(AnonymousCheckout record) {
        if (record.voidedAt().isPresent()) {
            giveBack(record.brand(), record.facts(), record.voidedAt().get(), Optional.empty());
        } else {
            finalise(record.brand(), record.facts(), Optional.empty(), record.transactionId(), record.at(), java.util.Map.of());
        }
    }

    private void finalise(BrandId brand, CheckoutFacts sale, Optional<CardNumber> card, TransactionId txn, Instant at,
                          java.util.Map<CouponCode, Coupon> known) {
        for (String code : sale.couponsUsed()) {
            change(brand, new CouponCode(code), known, c -> {
                if (c.used().flatMap(Coupon.Usage::transactionId).filter(txn::equals).isPresent()) {
                    return null; // done already
                }
                if (c.claim().filter(k -> k.key().equals(sale.key())).isEmpty()) {
                    return null; // not ours (cannot happen while leases hold; never take a coupon from someone else)
                }
                return c.with(c.cards(), c.tags(), c.allocatedAt(), Optional.of(new Coupon.Usage(at, Optional.of(txn), card)),
                        Optional.empty());
            });
        }
        for (String code : sale.couponsAwarded()) {
            change(brand, new CouponCode(code), known, c -> {
                if (c.claim().filter(k -> k.key().equals(sale.key())).isEmpty()) {
                    return null;
                }
                return c.with(card.map(Set::of).orElse(Set.of()), c.tags(), Optional.of(at), c.used(), Optional.empty());
            });
        }
    }

    /**
     * After a checkout's void: the coupons it used are unused again; the coupons it awarded are withdrawn if still unused
     * (marked used by the void), kept by the member if already used. A setup's void releases its claims.
     */
    private void giveBack(BrandId brand, CheckoutFacts sale, Instant at, Optional<TransactionId> voidTxn) {
        for (String code : sale.couponsUsed()) {
            change(brand, new CouponCode(code), java.util.Map.of(), c -> {
                if (c.claim().filter(k -> k.key().equals(sale.key())).isPresent()) {
                    return unclaimed(c);
                }
                boolean usedByIt = c.used().isPresent() && c.used().get().transactionId().isPresent()
                        && sale.stage() == CheckoutFacts.Stage.COMMIT && usedBy(c, sale);
                return usedByIt ? c.with(c.cards(), c.tags(), c.allocatedAt(), Optional.empty(), Optional.empty()) : null;
            });
        }
        for (String code : sale.couponsAwarded()) {
            change(brand, new CouponCode(code), java.util.Map.of(), c -> {
                if (c.claim().filter(k -> k.key().equals(sale.key())).isPresent()) {
                    return unclaimed(c);
                }
                if (sale.stage() == CheckoutFacts.Stage.COMMIT && c.used().isEmpty() && c.allocatedAt().isPresent()) {
                    return c.with(c.cards(), c.tags(), c.allocatedAt(), Optional.of(new Coupon.Usage(at, voidTxn, Optional.empty())),
                            Optional.empty());
                }
                return null;
            });
        }
    }

    /** Whether the coupon's use is the voided checkout's: the transaction that used it carries the sale's key. */
    private boolean usedBy(Coupon c, CheckoutFacts sale) {
        TransactionId txn = c.used().get().transactionId().get();
        Optional<LedgerEntry> entry = ledger.byTransactionId(c.brand(), txn);
        if (entry.isPresent()) {
            return entry.get().posting().checkout().filter(f -> f.key().equals(sale.key())).isPresent();
        }
        return records.find(c.brand(), txn).filter(r -> r.facts().key().equals(sale.key())).isPresent();
    }

    /**
     * A lapsed claim of someone else: finalised if its checkout committed (the entry at its sequence, or its anonymous
     * record, carries its key), released otherwise.
     */
    void resolve(Coupon c, Instant now) {
        Coupon.Claim claim = c.claim().orElseThrow();
        if (c.claimedAt(now)) {
            return;
        }
        if (claim.card().isPresent()) {
            Optional<LedgerEntry> entry = ledger.entry(c.brand(), claim.card().get(), claim.sequence())
                    .filter(e -> e.type() == EntryType.CHECKOUT)
                    .filter(e -> e.posting().checkout().filter(f -> f.key().equals(claim.key())
                            && f.stage() == CheckoutFacts.Stage.COMMIT).isPresent());
            if (entry.isPresent()) {
                finalise(entry.get());
                return;
            }
        } else if (claim.key().startsWith(CheckoutUseCase.ANONYMOUS)) {
            Optional<AnonymousCheckout> record = records.find(c.brand(),
                    new TransactionId(claim.key().substring(CheckoutUseCase.ANONYMOUS.length())));
            if (record.isPresent()) {
                finalise(record.get());
                return;
            }
        }
        coupons.update(unclaimed(c)); // a conflict means someone else moved it on: the caller reads again
    }

    private static Coupon unclaimed(Coupon c) {
        return c.with(c.cards(), c.tags(), c.allocatedAt(), c.used(), Optional.empty());
    }

    private void change(BrandId brand, CouponCode code, java.util.Map<CouponCode, Coupon> known,
                        java.util.function.UnaryOperator<Coupon> next) {
        Optional<Coupon> first = Optional.ofNullable(known.get(code));
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Optional<Coupon> c = attempt == 0 && first.isPresent() ? first : coupons.find(brand, code);
            if (c.isEmpty()) {
                return;
            }
            Coupon changed = next.apply(c.get());
            if (changed == null || coupons.update(changed) == CouponPort.WriteOutcome.WRITTEN) {
                return;
            }
        }
        throw new IllegalStateException("coupon " + code + " kept changing; the next finalisation finishes it");
    }
}
