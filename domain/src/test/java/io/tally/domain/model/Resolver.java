package io.tally.domain.model;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Turns a generated {@link Step} into an {@link Action} using only the model's state (never the code's), so that
 * both sides get the same request. Times sit on a whole-hour grid, so expiries and lapses of different operations
 * often fall on the same instant, and the clock is sent exactly onto coming events (or a millisecond either side)
 * on purpose: the instants where the spec's ordering rules matter.
 */
final class Resolver {
    /** Per balance; one hold fewer than the ledger's limit, so a refusal is never a capacity refusal. */
    static final int MAX_OPEN_HOLDS = 19;
    static final String UNKNOWN_ID = "42";

    private final List<CardModel> cards;
    private final Mode mode;
    private final Optional<CouponsModel> coupons;

    /** {@code coupons}: present when the world has checkout (else checkout steps are skipped). */
    Resolver(List<CardModel> cards, Mode mode, Optional<CouponsModel> coupons) {
        this.cards = cards;
        this.mode = mode;
        this.coupons = coupons;
    }

    Optional<Action> resolve(Step s, Instant now) {
        CardModel card = cards.get(s.card());
        return switch (s.kind()) {
            case ISSUE -> Optional.of(new Action.Issue(s.card(), s.amount(), Optional.empty(), false));
            case ISSUE_EXPIRING -> Optional.of(new Action.Issue(s.card(), s.amount(), Optional.of(expiry(now, s.time())),
                    s.otherFlag()));
            case STORE_CREDIT -> Optional.of(new Action.Issue(s.card(), s.amount(),
                    s.flag() ? Optional.of(expiry(now, s.time())) : Optional.empty(), true));
            case REDEEM -> Optional.of(new Action.Redeem(s.card(), amount(s, card, now), s.flag()));
            case HOLD -> card.openHolds() >= MAX_OPEN_HOLDS ? Optional.empty()
                    : Optional.of(new Action.Hold(s.card(), amount(s, card, now), lapse(now, s.time()), s.flag()));
            case CAPTURE -> {
                String hold = holdTarget(s);
                yield Optional.of(new Action.Capture(s.card(), hold, captureAmount(s, card.openHoldRemaining(hold)),
                        s.flag(), s.otherFlag()));
            }
            case RELEASE -> Optional.of(new Action.Release(s.card(), holdTarget(s)));
            case VOID -> Optional.of(new Action.Void(s.card(), voidTarget(s)));
            case ADVANCE -> advance(now, duration(s.time()));
            case ADVANCE_TO_EVENT -> toEvent(s, now);
            case SWEEP_CARD -> mode.sweeps() ? Optional.of(new Action.SweepCard(s.card())) : Optional.empty();
            case SWEEP_ALL -> mode.sweeps() ? Optional.of(new Action.SweepAll()) : Optional.empty();
            case CHECKOUT -> coupons.isEmpty() ? Optional.empty() : checkout(s, card, now);
            case COMPLETE -> coupons.isEmpty() ? Optional.empty() : Optional.of(new Action.Complete(s.card(), setupTarget(s, now)));
            case VOID_CHECKOUT -> coupons.isEmpty() ? Optional.empty() : Optional.of(new Action.Void(s.card(), checkoutTarget(s)));
            case ADJUST -> Optional.of(new Action.Adjust(s.card(), s.flag() ? -amount(s, card, now) : s.amount()));
            case SWITCH -> Optional.of(new Action.Switch(s.card(), !card.active()));
        };
    }

    /**
     * A basket with a coffee ({@link Step#flag}) or a muffin or both, at prices that put the 10% discount on and around
     * whole cents (11.11 now and then: the discount's rounding decides a point); maybe a SPRING coupon; maybe USD paid
     * from the card (none, all that is available up to the total, the step's amount, or the whole total); a setup one
     * time in four.
     */
    private Optional<Action> checkout(Step s, CardModel card, Instant now) {
        List<CheckoutModel.Line> basket = new ArrayList<>();
        if (s.flag()) {
            basket.add(new CheckoutModel.Line(s.time() % 2 == 0 ? "COFFEE-S" : "COFFEE-L", 1 + s.time() % 3 / 2,
                    250 + 35L * (s.time() % 7)));
        }
        if (!s.flag() || s.time() % 3 == 0) {
            basket.add(new CheckoutModel.Line("MUFFIN", 1 + (int) (s.amount() % 3), s.amount() % 50 == 0 ? 1111 : 3 * s.amount() + 1));
        }
        long total = basket.stream().mapToLong(l -> l.quantity() * l.unitPrice()).sum();
        long redeem = switch (s.pick() / 4 % 4) {
            case 0 -> 0;
            case 1 -> Math.min(total, card.checkouts().available(now));
            case 2 -> Math.min(total, s.amount());
            default -> total;
        };
        boolean setup = s.pick() % 4 == 0;
        if (setup && redeem > 0 && card.openHolds() >= MAX_OPEN_HOLDS) {
            return Optional.empty();
        }
        Optional<String> coupon = s.otherFlag() ? Optional.of(coupons.orElseThrow().code(s.pick() / 10)) : Optional.empty();
        return Optional.of(new Action.Checkout(s.card(), basket, coupon, redeem, setup));
    }

    /** An open setup of the card mostly; else any setup of it (completed, voided, lapsed), a checkout, another card's, none. */
    private String setupTarget(Step s, Instant now) {
        CheckoutModel card = cards.get(s.card()).checkouts();
        List<String> candidates = switch (s.pick() % 10) {
            case 0, 1, 2, 3, 4, 5 -> card.openSetupIds(now).isEmpty() ? card.setupIds() : card.openSetupIds(now);
            case 6, 7 -> card.setupIds();
            case 8 -> card.checkoutIds();
            default -> other(s).checkouts().setupIds();
        };
        return pick(candidates, s.pick());
    }

    /** A checkout of the card (a setup, a completion, a single stage), mostly; else another card's. */
    private String checkoutTarget(Step s) {
        List<String> candidates = s.pick() % 10 == 9 ? other(s).checkouts().checkoutIds()
                : cards.get(s.card()).checkouts().checkoutIds();
        return pick(candidates, s.pick());
    }

    /**
     * Mostly hours ahead on the hour grid (sooner than most lapses, so that holds meet expiring value); 0..3 are not
     * in the future (now itself, or a grid hour not after it).
     */
    static Instant expiry(Instant now, int time) {
        Instant grid = now.truncatedTo(ChronoUnit.HOURS);
        if (time == 0) {
            return now;
        }
        if (time <= 3) {
            return grid.minus(Duration.ofHours(time - 1));
        }
        return time >= 80 ? grid.plus(Duration.ofDays(2L * (time - 79))) : grid.plus(Duration.ofHours(time - 3));
    }

    /**
     * Empty (the 7-day default), now (invalid), exactly 31 days (the longest valid), 31 days + 1 ms, or on the grid:
     * hours ahead, or (more often) multiples of 8 hours up to 20 days, to outlive the value they hold.
     */
    static Optional<Instant> lapse(Instant now, int time) {
        Instant grid = now.truncatedTo(ChronoUnit.HOURS);
        return switch (time) {
            case 0 -> Optional.empty();
            case 1 -> Optional.of(now);
            case 2 -> Optional.of(now.plus(CardModel.MAX_HOLD));
            case 3 -> Optional.of(now.plus(CardModel.MAX_HOLD).plusMillis(1));
            default -> Optional.of(time >= 40 ? grid.plus(Duration.ofHours(8L * (time - 39))) : grid.plus(Duration.ofHours(time - 3)));
        };
    }

    /** Every fourth hold or redemption asks for exactly what is available, the boundary; else the step's amount. */
    private long amount(Step s, CardModel card, Instant now) {
        return s.pick() % 4 == 0 ? Math.max(1, card.balanceAt(now).available()) : s.amount();
    }

    static Duration duration(int time) {
        if (time == 0) {
            return Duration.ofMillis(1);
        }
        if (time == 1) {
            return Duration.ofSeconds(1);
        }
        if (time < 60) {
            return Duration.ofHours(time - 1);
        }
        return time < 80 ? Duration.ofHours(6L * (time - 59)) : Duration.ofDays(time - 79);
    }

    /** Half the hold, all of it, more than it, the step's own amount, or one cent. */
    private static long captureAmount(Step s, Optional<Long> holdRemaining) {
        long remaining = holdRemaining.orElse(s.amount());
        return switch (s.time() % 5) {
            case 0 -> Math.max(1, remaining / 2);
            case 1 -> remaining;
            case 2 -> remaining + 1 + s.amount() % 50;
            case 3 -> s.amount();
            default -> 1;
        };
    }

    /** An open hold of the card mostly; else a closed one, another card's, a transaction that is no hold, or none. */
    private String holdTarget(Step s) {
        CardModel card = cards.get(s.card());
        List<String> notHolds = new ArrayList<>(card.transactionIds());
        notHolds.removeAll(card.holdIds());
        List<String> candidates = switch (s.pick() % 10) {
            case 0, 1, 2, 3, 4 -> card.openHoldIds().isEmpty() ? card.holdIds() : card.openHoldIds();
            case 5, 6 -> card.holdIds();
            case 7 -> other(s).holdIds();
            case 8 -> notHolds;
            default -> List.of();
        };
        return pick(candidates, s.pick());
    }

    /** An issuance or redemption of the card mostly; else any transaction of it, another card's, or none. */
    private String voidTarget(Step s) {
        CardModel card = cards.get(s.card());
        List<String> candidates = switch (s.pick() % 10) {
            case 6 -> card.transactionIds();
            case 7 -> other(s).voidCandidates();
            case 8 -> List.of();
            default -> card.voidCandidates();
        };
        return pick(candidates, s.pick());
    }

    private CardModel other(Step s) {
        return cards.get(1 - s.card());
    }

    /** Counting from the newest, so that a shrunk sequence (pick 0) aims at the latest candidate, whatever came before. */
    private static String pick(List<String> candidates, int pick) {
        return candidates.isEmpty() ? UNKNOWN_ID : candidates.get(candidates.size() - 1 - pick / 10 % candidates.size());
    }

    /** Exactly onto a coming expiry or lapse of either card, or a millisecond before or after it. */
    private Optional<Action> toEvent(Step s, Instant now) {
        List<Instant> events = new ArrayList<>(comingEvents(now));
        if (events.isEmpty()) {
            return advance(now, Duration.ofHours(1 + s.time() % 48));
        }
        Instant event = events.get(s.pick() % events.size());
        Instant target = switch (s.time() % 4) {
            case 2 -> event.minusMillis(1);
            case 3 -> event.plusMillis(1);
            default -> event;
        };
        return advance(now, Duration.between(now, target.isAfter(now) ? target : event));
    }

    private Optional<Action> advance(Instant now, Duration by) {
        Duration step = allowed(now, by);
        return step.isZero() ? Optional.empty() : Optional.of(new Action.Advance(step));
    }

    /** Without {@link Mode#timeReachesEvents} the clock stops a millisecond short of the earliest coming event. */
    Duration allowed(Instant now, Duration by) {
        TreeSet<Instant> events = comingEvents(now);
        if (mode.timeReachesEvents() || events.isEmpty()) {
            return by;
        }
        Duration room = Duration.between(now, events.first()).minusMillis(1);
        return room.isNegative() ? Duration.ZERO : by.compareTo(room) < 0 ? by : room;
    }

    private TreeSet<Instant> comingEvents(Instant now) {
        TreeSet<Instant> events = new TreeSet<>();
        cards.forEach(c -> events.addAll(c.comingEvents(now)));
        return events;
    }
}
