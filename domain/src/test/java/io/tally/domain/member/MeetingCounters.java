package io.tally.domain.member;

import java.time.Instant;
import java.util.Set;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Attempt counters that make a race certain instead of hoped for: once armed, every read or increment of a
 * card's wrong-PIN counter ({@code pin#...}) waits, after doing its work, until all the expected callers have
 * done theirs. A check-then-increment lockout then lets every caller read the same count before anyone adds to
 * it. Also remembers every counter name used, so tests can bound them.
 */
final class MeetingCounters implements AttemptCounterPort {
    private static final long PATIENCE_SECONDS = 10;

    private final AttemptCounterPort counters;
    private final Set<String> names = ConcurrentHashMap.newKeySet();
    private final AtomicInteger meetings = new AtomicInteger();
    private volatile CyclicBarrier meeting;

    MeetingCounters(AttemptCounterPort counters) {
        this.counters = counters;
    }

    /** From now on, callers of a card's counter meet in groups of {@code parties}. */
    void makeCardCountersMeet(int parties) {
        meeting = new CyclicBarrier(parties, meetings::incrementAndGet);
    }

    void stopMeeting() {
        meeting = null;
    }

    /** How many times a full group met. */
    int meetings() {
        return meetings.get();
    }

    Set<String> names() {
        return Set.copyOf(names);
    }

    @Override
    public long increment(String counter, Instant windowStart, Instant expiresAt) {
        names.add(counter);
        long n = counters.increment(counter, windowStart, expiresAt);
        meet(counter);
        return n;
    }

    @Override
    public long count(String counter, Instant windowStart) {
        names.add(counter);
        long n = counters.count(counter, windowStart);
        meet(counter);
        return n;
    }

    @Override
    public void reset(String counter, Instant windowStart) {
        counters.reset(counter, windowStart);
    }

    private void meet(String counter) {
        CyclicBarrier barrier = meeting;
        if (barrier == null || !counter.startsWith("pin#")) {
            return;
        }
        try {
            barrier.await(PATIENCE_SECONDS, TimeUnit.SECONDS);
        } catch (BrokenBarrierException | TimeoutException e) {
            meeting = null; // fewer callers came: carry on unsynchronised (meetings() tells the test)
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
