package io.tally.bench;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Figure 3. N concurrent redeemers (threads calling the real handler, as N Lambda containers would) on one
 * card for a fixed time: successful redeems per second, retries per success (conditional writes that lost
 * the race for the next ledger sequence, plus client retries after 409 CONTENDED), and two proofs of no
 * overdraw: the balance moved by exactly the successes, and a race to drain a small balance ends at exactly
 * zero with exactly as many successes as cents. The floor is the single writer's rate in the same run.
 */
final class HotCardFigure {
    private static final double GOODPUT_TARGET = 0.5;
    private static final int CONTENDED = 27;
    private static final int INSUFFICIENT_FUNDS = 16;

    private final Workload workload;
    private final Options options;

    HotCardFigure(Workload workload, Options options) {
        this.workload = workload;
        this.options = options;
    }

    private record Round(long successes, long contended, long lostRaces, double seconds) {
        double rate() {
            return successes / seconds;
        }
    }

    void run(Report report) throws InterruptedException {
        if (!workload.storedValue()) {
            report.add(new Report.Row("3 hot card", "-", "not run", "-", Double.NaN, "-", Report.Verdict.INFO,
                    "updateBalance is not wired into the handler yet"));
            return;
        }
        double single = Double.NaN;
        for (int n : options.hotWriters()) {
            String card = workload.fundedCard("1000000.00");
            long before = workload.balanceCents(card);
            Round r = race(card, n, options.hotSeconds() * 1_000_000_000L, false);
            long after = workload.balanceCents(card);
            if (before - after != r.successes()) {
                throw new IllegalStateException("balance moved by " + (before - after) + " cents for " + r.successes() + " redeems");
            }
            Drain d = drain(n);
            if (n == 1) {
                single = r.rate();
            }
            double ratio = r.rate() / single;
            boolean judged = n == options.hotWriters()[options.hotWriters().length - 1] && n > 1;
            report.add(new Report.Row("3 hot card", "N=" + n + " redeemers, one card",
                    Report.fmt(r.rate()) + " redeems/s; " + Report.fmt((double) (r.lostRaces() + r.contended()) / Math.max(1, r.successes()))
                            + " retries/success",
                    Report.fmt(single) + " redeems/s (N=1)", ratio, n > 1 ? ">= 0.5x at N=32" : "-",
                    judged ? (ratio >= GOODPUT_TARGET ? Report.Verdict.MET : Report.Verdict.MISSED) : Report.Verdict.INFO,
                    r.successes() + " ok, " + r.lostRaces() + " lost races, " + r.contended() + " x 409 in "
                            + Report.fmt(r.seconds()) + " s; balance moved by exactly the successes; drain of "
                            + d.cents() + " cents: " + d.successes() + " ok, final balance " + d.finalCents()));
        }
    }

    private record Drain(long cents, long successes, long finalCents) {
    }

    /** Funds a fresh card with a few cents per writer and lets the writers race it to zero. */
    private Drain drain(int n) throws InterruptedException {
        long cents = Math.max(20, 4L * n);
        String card = workload.fundedCard(java.math.BigDecimal.valueOf(cents, 2).toPlainString());
        Round r = race(card, n, Long.MAX_VALUE, true);
        long left = workload.balanceCents(card);
        if (r.successes() != cents || left != 0) {
            throw new IllegalStateException("OVERDRAW CHECK FAILED: " + cents + " cents, " + r.successes()
                    + " successful 1-cent redeems, balance left " + left);
        }
        return new Drain(cents, r.successes(), left);
    }

    private Round race(String card, int writers, long nanos, boolean untilEmpty) throws InterruptedException {
        APIGatewayV2HTTPEvent redeem = workload.merchant().event("updateBalance", Bodies.redeem(card, "0.01"));
        AtomicLong ok = new AtomicLong();
        AtomicLong contended = new AtomicLong();
        AtomicBoolean stop = new AtomicBoolean();
        List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        long lostBefore = RoundTrips.conditionFailures();
        for (int i = 0; i < writers; i++) {
            Thread t = new Thread(() -> {
                try {
                    start.await();
                    while (!stop.get()) {
                        Merchant.Answer a = Merchant.parse(workload.merchant().invoke(redeem));
                        if (a.ok()) {
                            ok.incrementAndGet();
                        } else if (a.errorCode() == CONTENDED) {
                            contended.incrementAndGet();
                        } else if (untilEmpty && a.errorCode() == INSUFFICIENT_FUNDS) {
                            return;
                        } else {
                            throw new IllegalStateException("redeem failed: " + a.status() + " " + a.body());
                        }
                    }
                } catch (Throwable e) {
                    failures.add(e);
                    stop.set(true);
                }
            }, "redeemer-" + i);
            threads.add(t);
            t.start();
        }
        long started = System.nanoTime();
        start.countDown();
        if (!untilEmpty) {
            long until = started + nanos;
            while (System.nanoTime() < until && !stop.get()) {
                Thread.sleep(10);
            }
            stop.set(true);
        }
        for (Thread t : threads) {
            t.join();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        if (!failures.isEmpty()) {
            throw new IllegalStateException("a redeemer failed", failures.get(0));
        }
        return new Round(ok.get(), contended.get(), RoundTrips.conditionFailures() - lostBefore, seconds);
    }
}
