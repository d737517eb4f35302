package io.tally.domain.model;

import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple.Tuple2;
import net.jqwik.api.Tuple;
import net.jqwik.api.sessions.JqwikSession;

/**
 * Sequences of at most {@value #MAX_STEPS} steps: short enough that no capacity limit of the ledger (100 buckets,
 * 20 holds per balance, a 100-entry void window) is reached, so that every refusal is a money rule.
 */
public final class Steps {
    public static final int MAX_STEPS = 40;
    private static final int GEN_SIZE = 1_000;

    private Steps() {
    }

    /**
     * Single steps, and now and then the situation the spec's rule for held value is about, made on purpose (random
     * steps alone rarely hold expiring value across its expiry): value expiring within hours, then a hold of all
     * that is available lapsing later.
     */
    public static Arbitrary<List<Step>> sequences() {
        Arbitrary<List<Step>> chunk = Arbitraries.frequencyOf(Tuple.of(12, step().map(List::of)), Tuple.of(2, heldExpiring()),
                Tuple.of(2, twoStage()), Tuple.of(1, punchCard()));
        return chunk.list().ofMinSize(1).ofMaxSize(MAX_STEPS)
                .map(chunks -> chunks.stream().flatMap(List::stream).limit(MAX_STEPS).toList());
    }

    private static Arbitrary<List<Step>> heldExpiring() {
        Arbitrary<Integer> card = Arbitraries.frequency(frequency(4, 0), frequency(1, 1));
        return Combinators.combine(card, Arbitraries.longs().between(1, 500), Arbitraries.integers().between(4, 40),
                        Arbitraries.integers().between(40, 99), Arbitraries.of(false, true))
                .as((c, amount, expiry, lapse, storeCredit) -> List.of(
                        new Step(Step.Kind.ISSUE_EXPIRING, c, amount, 0, expiry, false, storeCredit, 0),
                        new Step(Step.Kind.HOLD, c, amount, 0, lapse, true, false, 0)));
    }

    /**
     * A setup paying from the card (value issued first), any step, then its completion (which may die, as any call):
     * random steps alone seldom complete a setup that still stands.
     */
    private static Arbitrary<List<Step>> twoStage() {
        Arbitrary<Integer> card = Arbitraries.frequency(frequency(4, 0), frequency(1, 1));
        return Combinators.combine(card, Arbitraries.longs().between(1, 500), Arbitraries.integers().between(0, 24),
                        Arbitraries.integers().between(0, 99), Arbitraries.of(false, true), Arbitraries.of(false, true), step(),
                        Arbitraries.integers().between(0, 6 * FaultPlan.CODES - 1))
                .as((c, amount, setupPick, time, coffee, coupon, between, completion) -> List.of(
                        new Step(Step.Kind.ISSUE, c, 4 * amount, 0, 0, false, false, 0),
                        new Step(Step.Kind.CHECKOUT, c, amount, 4 * setupPick, time, coffee, coupon, 0),
                        between,
                        new Step(Step.Kind.COMPLETE, c, amount, completion % 6, 0, false, false, completion / 6)));
    }

    /** Ten coffees on one card, paid at the till: the tenth awards a FREE-COFFEE coupon and takes the punches. */
    private static Arbitrary<List<Step>> punchCard() {
        Arbitrary<Integer> card = Arbitraries.frequency(frequency(4, 0), frequency(1, 1));
        return Combinators.combine(card, Arbitraries.integers().between(0, 99))
                .as((c, time) -> IntStream.range(0, 10)
                        .mapToObj(i -> new Step(Step.Kind.CHECKOUT, c, 1 + time + i, 1, (time + i) % 100, true, false, 0))
                        .toList());
    }

    /**
     * One sequence drawn from {@code random} outside a jqwik property: for tests that need JUnit extensions (the
     * dynalite IT), which jqwik properties cannot use. Reproducible from the Random's seed; no shrinking.
     */
    public static List<Step> sample(Random random) {
        JqwikSession.start();
        try {
            return sequences().generator(GEN_SIZE).next(random).value();
        } finally {
            JqwikSession.finish();
        }
    }

    static Arbitrary<Step> step() {
        Arbitrary<Step.Kind> kind = Arbitraries.frequency(
                frequency(3, Step.Kind.ISSUE), frequency(4, Step.Kind.ISSUE_EXPIRING), frequency(2, Step.Kind.STORE_CREDIT),
                frequency(3, Step.Kind.REDEEM), frequency(4, Step.Kind.HOLD), frequency(4, Step.Kind.CAPTURE),
                frequency(2, Step.Kind.RELEASE), frequency(3, Step.Kind.VOID), frequency(3, Step.Kind.ADVANCE),
                frequency(4, Step.Kind.ADVANCE_TO_EVENT), frequency(2, Step.Kind.SWEEP_CARD),
                frequency(2, Step.Kind.SWEEP_ALL), frequency(6, Step.Kind.CHECKOUT), frequency(3, Step.Kind.COMPLETE),
                frequency(2, Step.Kind.VOID_CHECKOUT), frequency(3, Step.Kind.ADJUST), frequency(1, Step.Kind.SWITCH));
        Arbitrary<Integer> card = Arbitraries.frequency(frequency(4, 0), frequency(1, 1));
        Arbitrary<Integer> fault = Arbitraries.oneOf(Arbitraries.just(0), Arbitraries.integers().between(0, FaultPlan.CODES - 1));
        return Combinators.combine(kind, card, Arbitraries.longs().between(1, 500), Arbitraries.integers().between(0, 99),
                Arbitraries.integers().between(0, 99), Arbitraries.of(false, true), Arbitraries.of(false, true), fault)
                .as(Step::new);
    }

    private static <T> Tuple2<Integer, T> frequency(int weight, T value) {
        return Tuple.of(weight, value);
    }
}
