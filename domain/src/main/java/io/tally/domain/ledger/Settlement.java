package io.tally.domain.ledger;

import io.tally.domain.program.ValueTypeKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * What time alone does to a card: holds lapse and value expires, each at its own instant. A card's state after an
 * entry is its state as of that entry's time; {@link #due} lists, in order, the RELEASE and EXPIRE steps that have
 * happened since, each dated at its own instant. Every writer applies them before it decides (so every decision is
 * made on the card as of now) and the sweeper writes nothing else: the result never depends on when anyone ran.
 *
 * <p>The rule for held value that expires (docs/API.md, "Money over time"). At each instant, in this order:
 * <ol>
 * <li>holds whose lapse instant has come are released;</li>
 * <li>value that expired earlier and was kept for the holds expires as far as it exceeds what the holds now
 * reserve ({@code keptBefore - min(keptBefore, held)});</li>
 * <li>value whose expiry is this instant expires, except what the holds need beyond all unexpired value and the
 * value still kept: {@code clamp(held - unexpired - kept, 0, expiring)} of it is kept.</li>
 * </ol>
 * Value is taken in spending order within each step. In a state brought to instant t, every bucket with an expiry
 * at or before t is therefore kept value, and kept value never exceeds what the holds reserve.
 */
public final class Settlement {
    private Settlement() {
    }

    /** One entry's worth of what time did at one instant: a RELEASE of lapsed holds or an EXPIRE of value. */
    public record Step(Instant at, EntryType type, List<Change> changes, Optional<Reference> related) {
        public Step {
            changes = List.copyOf(changes);
            if (changes.isEmpty()) {
                throw new IllegalArgumentException("a step changes something");
            }
        }
    }

    /**
     * The steps between the state after {@code head} and {@code now} (both inclusive: a state left unsettled at the
     * head's instant, such as kept value beyond the holds after a void, is settled at that instant), in time order.
     */
    public static List<Step> due(LedgerEntry head, Instant now) {
        return simulate(head.stateAfter(), head.time(), midInstant(head), now, Integer.MAX_VALUE).steps();
    }

    /** The state after {@code head} brought to {@code now}: with every step due by then applied. */
    public static CardState settled(LedgerEntry head, Instant now) {
        CardState state = head.stateAfter();
        Simulation s = simulate(state, head.time(), midInstant(head), now, Integer.MAX_VALUE);
        if (s.steps().isEmpty()) {
            return state;
        }
        return new CardState(state.sequence(), s.balances(), state.voided(), state.recentRequests(), state.enrolledAt(),
                state.ledgerId());
    }

    /**
     * The first instant at or after the entry's own at which time alone changes the state after it (a hold lapses,
     * value expires beyond what the holds keep), or empty if nothing ever will. A bucket that expires while the holds
     * keep all of it changes nothing then; its turn comes when the holds shrink. This is what the sweeper's due index says.
     */
    public static Optional<Instant> nextChange(LedgerEntry entry) {
        List<Step> first = simulate(entry.stateAfter(), entry.time(), midInstant(entry), Instant.MAX, 1).steps();
        return first.isEmpty() ? Optional.empty() : Optional.of(first.get(0).at());
    }

    /**
     * Whether the entry is the RELEASE of what lapsed at its instant, written by time itself: then the rest of that
     * instant (steps 2 and 3: value expiring at that very instant) may not have been written yet, because the writer
     * died between the two entries of one instant, and must still be done as that instant's, not as kept value.
     */
    private static boolean midInstant(LedgerEntry entry) {
        return entry.type() == EntryType.RELEASE && entry.posting().origin().equals(Origin.system());
    }

    private record Simulation(List<Step> steps, Map<ValueTypeKey, Balance> balances) {
    }

    private static Simulation simulate(CardState state, Instant asOf, boolean midInstant, Instant now, int maxSteps) {
        if (now.isBefore(asOf)) {
            throw new IllegalArgumentException("settling backwards from " + asOf + " to " + now);
        }
        Map<ValueTypeKey, Balance> balances = new HashMap<>(state.balances());
        List<Step> steps = new ArrayList<>();
        Instant previous = midInstant ? asOf.minusNanos(1) : asOf;
        for (Instant at : instants(state, asOf, now)) {
            List<Change> released = new ArrayList<>();
            List<Change> expired = new ArrayList<>();
            for (ValueTypeKey key : sortedKeys(balances)) {
                Balance b = releaseLapsed(balances.get(key), at, released);
                b = expire(b, previous, at, expired);
                balances.put(key, b);
            }
            if (!released.isEmpty()) {
                steps.add(new Step(at, EntryType.RELEASE, released, single(released, state)));
            }
            if (!expired.isEmpty()) {
                steps.add(new Step(at, EntryType.EXPIRE, expired, Optional.empty()));
            }
            if (steps.size() >= maxSteps) {
                break;
            }
            previous = at;
        }
        return new Simulation(steps, balances);
    }

    /** {@code asOf} itself, then every lapse and expiry instant after it up to {@code now}, ascending. */
    private static TreeSet<Instant> instants(CardState state, Instant asOf, Instant now) {
        TreeSet<Instant> instants = new TreeSet<>();
        instants.add(asOf);
        for (Balance b : state.balances().values()) {
            b.holds().forEach(h -> instants.add(h.expiresAt().isBefore(asOf) ? asOf : h.expiresAt()));
            b.buckets().forEach(x -> x.expiresAt().filter(e -> e.isAfter(asOf)).ifPresent(instants::add));
        }
        return new TreeSet<>(instants.headSet(now, true));
    }

    private static Balance releaseLapsed(Balance b, Instant at, List<Change> released) {
        for (Hold h : b.holds()) {
            if (h.isDue(at)) {
                released.add(new Change.ReduceHold(b.key(), h.id(), h.remaining()));
                b = b.withHoldReduced(h.id(), h.remaining());
            }
        }
        return b;
    }

    /** Steps 2 and 3 of the rule for one balance at {@code at}; {@code previous} is the instant settled before. */
    private static Balance expire(Balance b, Instant previous, Instant at, List<Change> expired) {
        long keptBefore = 0;
        long expiring = 0;
        long unexpired = 0;
        for (Bucket x : b.buckets()) {
            if (x.expiresAt().isEmpty() || x.expiresAt().get().isAfter(at)) {
                unexpired += x.remaining();
            } else if (x.expiresAt().get().isAfter(previous)) {
                expiring += x.remaining();
            } else {
                keptBefore += x.remaining();
            }
        }
        if (keptBefore == 0 && expiring == 0) {
            return b;
        }
        long held = b.held();
        long keepOld = Math.min(keptBefore, held);
        long keepNew = Math.max(0, Math.min(held - unexpired - keepOld, expiring));
        b = take(b, x -> x.expiresAt().isPresent() && !x.expiresAt().get().isAfter(previous), keptBefore - keepOld, expired);
        return take(b, x -> x.expiresAt().isPresent() && x.expiresAt().get().isAfter(previous)
                && !x.expiresAt().get().isAfter(at), expiring - keepNew, expired);
    }

    /** Takes {@code amount} from the buckets that match, in spending order, recording each slice taken. */
    private static Balance take(Balance b, Predicate<Bucket> which, long amount, List<Change> into) {
        if (amount == 0) {
            return b;
        }
        long left = amount;
        for (Bucket x : b.buckets()) {
            if (left == 0) {
                break;
            }
            if (which.test(x)) {
                Slice slice = x.slice(Math.min(left, x.remaining()));
                into.add(new Change.Take(b.key(), slice));
                b = b.without(slice);
                left -= slice.amount();
            }
        }
        if (left != 0) {
            throw new IllegalStateException(b.key() + ": cannot expire " + amount);
        }
        return b;
    }

    private static List<ValueTypeKey> sortedKeys(Map<ValueTypeKey, Balance> balances) {
        return balances.keySet().stream().sorted(Comparator.comparing(ValueTypeKey::asText)).toList();
    }

    /** A RELEASE of exactly one hold names it (history shows which hold lapsed). */
    private static Optional<Reference> single(List<Change> released, CardState state) {
        if (released.size() != 1) {
            return Optional.empty();
        }
        TransactionId id = ((Change.ReduceHold) released.get(0)).hold();
        return state.openHold(id).map(h -> new Reference(id, h.getValue().sequence()));
    }
}
