package io.tally.sqs.wiring;

import java.util.Map;
import java.util.Optional;

/** Reading a front's settings from its environment variables (on Lambda: what the CDK stack sets). */
public final class Environment {
    private Environment() {
    }

    /** The variable's value; empty when it is unset or blank. */
    public static Optional<String> optional(Map<String, String> env, String name) {
        return Optional.ofNullable(env.get(name)).filter(s -> !s.isBlank());
    }

    /** Throws, naming the variable, when a required setting is missing or blank. */
    public static void require(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is not set");
        }
    }
}
