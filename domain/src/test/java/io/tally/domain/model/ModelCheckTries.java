package io.tally.domain.model;

import net.jqwik.api.lifecycle.AroundPropertyHook;
import net.jqwik.api.lifecycle.PropagationMode;
import net.jqwik.api.lifecycle.PropertyExecutionResult;
import net.jqwik.api.lifecycle.PropertyExecutor;
import net.jqwik.api.lifecycle.PropertyLifecycleContext;

/**
 * Lets a run choose how many sequences the model check tries, and its seed, from system properties
 * ({@code -Dtally.modelcheck.tries=10000}, {@code -Dtally.modelcheck.seed=...}): {@code @Property(tries = ...)} is
 * a constant, and the suite's default must stay quick while a soak run asks for many more.
 */
public final class ModelCheckTries implements AroundPropertyHook {
    public static final String TRIES = "tally.modelcheck.tries";
    public static final String SEED = "tally.modelcheck.seed";

    /** Registered on a test class, it must reach the class's properties. */
    @Override
    public PropagationMode propagateTo() {
        return PropagationMode.ALL_DESCENDANTS;
    }

    @Override
    public PropertyExecutionResult aroundProperty(PropertyLifecycleContext context, PropertyExecutor property) {
        Integer tries = Integer.getInteger(TRIES);
        if (tries != null) {
            context.attributes().setTries(tries);
        }
        String seed = System.getProperty(SEED);
        if (seed != null && !seed.isBlank()) {
            context.attributes().setSeed(seed);
        }
        return property.execute();
    }
}
