package io.tally.bench;

import io.tally.domain.email.EmailSenderPort;
import io.tally.domain.email.RenderedEmail;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The mail provider of figure 12: counts what it is handed per recipient instead of sending it. A generated card's
 * address ({@link Generated#email}, index in {@code [first, first + n)}) is counted in a fixed array, so the counting
 * adds nothing to the heap the figure watches; any other address in a map.
 */
final class CapturedMail implements EmailSenderPort {
    private final long first;
    private final AtomicIntegerArray counts;
    private final Map<String, Integer> others = new ConcurrentHashMap<>();
    private final AtomicLong total = new AtomicLong();
    private final AtomicLong firstNanos = new AtomicLong();
    private final AtomicLong lastNanos = new AtomicLong();

    CapturedMail(long first, int n) {
        this.first = first;
        this.counts = new AtomicIntegerArray(n);
    }

    @Override
    public void send(RenderedEmail email) {
        long now = System.nanoTime();
        firstNanos.compareAndSet(0, now);
        lastNanos.set(now);
        long index = index(email.to());
        if (index >= first && index - first < counts.length()) {
            counts.incrementAndGet((int) (index - first));
        } else {
            others.merge(email.to(), 1, Integer::sum);
        }
        total.incrementAndGet();
    }

    /** The generated index of {@code c<index>@bench.example}, or -1 for any other address. */
    static long index(String address) {
        if (address == null || !address.startsWith("c") || !address.endsWith("@bench.example")) {
            return -1;
        }
        String digits = address.substring(1, address.length() - "@bench.example".length());
        if (digits.isEmpty() || digits.length() > 18 || !digits.chars().allMatch(Character::isDigit)) {
            return -1;
        }
        return Long.parseLong(digits);
    }

    long total() {
        return total.get();
    }

    /** Distinct recipients handed at least one message. */
    long distinct() {
        long d = others.size();
        for (int i = 0; i < counts.length(); i++) {
            d += counts.get(i) > 0 ? 1 : 0;
        }
        return d;
    }

    /** Recipients handed more than one message. */
    long duplicated() {
        long d = others.values().stream().filter(c -> c > 1).count();
        for (int i = 0; i < counts.length(); i++) {
            d += counts.get(i) > 1 ? 1 : 0;
        }
        return d;
    }

    /** Generated cards {@code [first, first + n)} handed no message. */
    long missing() {
        long m = 0;
        for (int i = 0; i < counts.length(); i++) {
            m += counts.get(i) == 0 ? 1 : 0;
        }
        return m;
    }

    /** Seconds from {@code startNanos} to the last message handed over (NaN before any). */
    double secondsToLast(long startNanos) {
        long last = lastNanos.get();
        return last == 0 ? Double.NaN : (last - startNanos) / 1e9;
    }

    /** Seconds from {@code startNanos} to the first message handed over (NaN before any). */
    double secondsToFirst(long startNanos) {
        long f = firstNanos.get();
        return f == 0 ? Double.NaN : (f - startNanos) / 1e9;
    }
}
