package io.tally.domain.fakes;

/**
 * The process died at this point: thrown by a fake at a step a fault-injection test names. An {@link Error}, so
 * that nothing in the code under test that handles ordinary failures ({@code RuntimeException}) can swallow it:
 * like a killed Lambda container, nothing after this point of the call runs. The test then plays the retry.
 */
public final class Crash extends Error {
    public Crash(String where) {
        super("crash injected " + where);
    }
}
