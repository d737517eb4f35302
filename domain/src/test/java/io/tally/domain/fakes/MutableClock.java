package io.tally.domain.fakes;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock the test moves by hand. Thread-safe. */
public final class MutableClock extends Clock {
    private volatile Instant now;
    private volatile Duration tick = Duration.ZERO;

    public MutableClock(Instant start) {
        this.now = start;
    }

    public void advance(Duration d) {
        now = now.plus(d);
    }

    public void set(Instant instant) {
        now = instant;
    }

    /** From now on every read moves the clock on by {@code perRead} after answering, as time passes between reads. */
    public void tickOnEveryRead(Duration perRead) {
        tick = perRead;
    }

    @Override
    public synchronized Instant instant() {
        Instant read = now;
        now = read.plus(tick);
        return read;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
