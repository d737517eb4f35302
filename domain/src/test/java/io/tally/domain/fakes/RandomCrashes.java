package io.tally.domain.fakes;

import java.util.Random;

/**
 * Kills the caller right after a write, now and then (one write in six), for the model tests' fault-injecting port
 * wrappers; {@link #off} stops it, so the test can then let every left-over message through.
 */
public class RandomCrashes {
    private final Random random;
    private boolean on = true;

    public RandomCrashes(Random random) {
        this.random = random;
    }

    public final void off() {
        on = false;
    }

    /** Throws a {@link Crash} "after {@code where}" with a chance of one in six while on. */
    protected final void maybeCrash(String where) {
        if (on && random.nextInt(6) == 0) {
            throw new Crash("after " + where);
        }
    }
}
