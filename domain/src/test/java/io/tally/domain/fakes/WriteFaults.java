package io.tally.domain.fakes;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A process death right after any write: ports wrapped here count every call that may change something, and the
 * process dies ({@link Crash}) right after the n-th such call has taken effect. With nothing armed, the count lists the
 * writes of a flow ({@link #log}), so a test can crash after each of them in turn without naming the steps by hand,
 * and a step added to the flow later is crashed at too. A method counts as a write unless it is a known read
 * ({@link #READS}): a forgotten write would be skipped silently, a forgotten read only adds a crash point.
 */
public final class WriteFaults {
    /** The ports' read methods (every other method of a wrapped port counts as a write). */
    static final Set<String> READS = Set.of("load", "find", "search", "unallocated", "countInCardSet", "head", "cardWithHead", "entry",
            "history", "unrelayed", "outboxSize", "cardOf", "dueCards", "enrollment", "due", "catalogue", "cardSet",
            "score", "breakdown");

    private final List<String> log = new ArrayList<>();
    private int crashAfter = -1;

    /** The process dies right after write number {@code n} (1-based, counted from the last {@link #reset}). */
    public synchronized void crashAfterWrite(int n) {
        crashAfter = n;
    }

    /** Starts counting afresh (what came before is set-up, not the flow under test) and disarms. */
    public synchronized void reset() {
        log.clear();
        crashAfter = -1;
    }

    /** The writes counted since the last {@link #reset}, as {@code Port.method}. */
    public synchronized List<String> log() {
        return List.copyOf(log);
    }

    /** {@code target} seen through {@code port}, its writes counted. */
    public <T> T wrap(Class<T> port, T target) {
        InvocationHandler handler = (proxy, method, args) -> {
            Object result = call(method, target, args);
            if (method.getDeclaringClass() != Object.class && !READS.contains(method.getName())) {
                wrote(port.getSimpleName() + "." + method.getName());
            }
            return result;
        };
        return port.cast(Proxy.newProxyInstance(port.getClassLoader(), new Class<?>[] {port}, handler));
    }

    private synchronized void wrote(String what) {
        log.add(what);
        if (log.size() == crashAfter) {
            crashAfter = -1; // one death per arming: the retry runs on a healthy process
            throw new Crash("after write " + log.size() + " (" + what + ")");
        }
    }

    private static Object call(Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
