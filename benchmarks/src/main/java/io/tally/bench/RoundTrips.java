package io.tally.bench;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Counts and times every AWS SDK call made in this JVM, per thread, without touching the code under test:
 * the SDK loads it as a global interceptor (resource
 * {@code software/amazon/awssdk/global/handlers/execution.interceptors}, in this module only, so it is
 * never in the Lambda jar nor in the cold-start probes' class path). The time between
 * {@code beforeExecution} and the end of the call is "time in storage"; the handler's own overhead is
 * its wall time minus that.
 */
public final class RoundTrips implements ExecutionInterceptor {
    private static final ExecutionAttribute<Long> STARTED = new ExecutionAttribute<>("tally.bench.started");
    private static final ExecutionAttribute<String> LABEL = new ExecutionAttribute<>("tally.bench.label");
    private static final ThreadLocal<Tally> CURRENT = ThreadLocal.withInitial(Tally::new);
    private static final AtomicLong CONDITION_FAILURES = new AtomicLong();

    /** What one thread did since its last {@link #reset()}. */
    public static final class Tally {
        private final Map<String, Integer> calls = new TreeMap<>();
        private final Map<String, Integer> labels = new TreeMap<>();
        private long nanos;
        private int total;

        public int total() {
            return total;
        }

        public long nanos() {
            return nanos;
        }

        /** Each call by operation and the key prefixes it touched ({@link RoundTripLabel}), with its count. */
        public Map<String, Integer> labels() {
            return labels;
        }

        /** e.g. {@code BatchGetItem+GetItem+PutItem+Query+SendMessageBatch}, each with its count when above one. */
        public String describe() {
            StringBuilder s = new StringBuilder();
            calls.forEach((op, n) -> s.append(s.length() == 0 ? "" : "+").append(n > 1 ? n + "x" : "").append(op));
            return s.length() == 0 ? "-" : s.toString();
        }
    }

    public static Tally reset() {
        Tally fresh = new Tally();
        CURRENT.set(fresh);
        return fresh;
    }

    public static Tally current() {
        return CURRENT.get();
    }

    /** Conditional writes refused, across all threads (a lost race for a ledger sequence number). */
    public static long conditionFailures() {
        return CONDITION_FAILURES.get();
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        attributes.putAttribute(LABEL, RoundTripLabel.of(context.request()));
        attributes.putAttribute(STARTED, System.nanoTime());
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        record(attributes);
    }

    @Override
    public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
        record(attributes);
        if (context.exception().getClass().getSimpleName().equals("ConditionalCheckFailedException")) {
            CONDITION_FAILURES.incrementAndGet();
        }
    }

    private static void record(ExecutionAttributes attributes) {
        if (CapacityMeter.inSideCall()) {
            return; // figure 7's meter reading an item image: not a call of the code under test
        }
        Long started = attributes.getAttribute(STARTED);
        Tally t = CURRENT.get();
        t.nanos += started == null ? 0 : System.nanoTime() - started;
        t.total++;
        String op = String.valueOf(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
        t.calls.merge(op, 1, Integer::sum);
        String label = attributes.getAttribute(LABEL);
        t.labels.merge(label == null || label.isEmpty() ? op : op + " " + label, 1, Integer::sum);
    }
}
