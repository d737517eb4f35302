package io.tally.domain.shared;

import java.util.Objects;
import java.util.function.Function;

/** The result of a use case: either the accepted value or the rejection that explains why not. */
public sealed interface Outcome<T> {

    static <T> Outcome<T> accepted(T value) {
        return new Accepted<>(value);
    }

    static <T> Outcome<T> rejected(Rejection rejection) {
        return new Rejected<>(rejection);
    }

    static <T> Outcome<T> rejected(Reason reason, String detail) {
        return new Rejected<>(Rejection.of(reason, detail));
    }

    default boolean isAccepted() {
        return this instanceof Accepted;
    }

    default <U> Outcome<U> map(Function<T, U> f) {
        if (this instanceof Accepted<T> a) {
            return new Accepted<>(f.apply(a.value()));
        }
        return new Rejected<>(((Rejected<T>) this).rejection());
    }

    default <U> Outcome<U> flatMap(Function<T, Outcome<U>> f) {
        if (this instanceof Accepted<T> a) {
            return f.apply(a.value());
        }
        return new Rejected<>(((Rejected<T>) this).rejection());
    }

    /** The accepted value; calling it on a rejection is a bug. */
    default T value() {
        if (this instanceof Accepted<T> a) {
            return a.value;
        }
        throw new IllegalStateException("rejected: " + ((Rejected<T>) this).rejection());
    }

    record Accepted<T>(T value) implements Outcome<T> {
        public Accepted {
            Objects.requireNonNull(value, "value");
        }
    }

    record Rejected<T>(Rejection rejection) implements Outcome<T> {
        public Rejected {
            Objects.requireNonNull(rejection, "rejection");
        }
    }
}
