package io.tally.domain.shared;

import java.util.Objects;

/**
 * A business rule said no. Rejections are values, not exceptions: the API adapter maps each
 * {@link Reason} to a wire error code in one table, exceptions stay for bugs and infrastructure faults.
 */
public record Rejection(Reason reason, String detail) {
    public Rejection {
        Objects.requireNonNull(reason, "reason");
        detail = detail == null ? "" : detail;
    }

    public static Rejection of(Reason reason) {
        return new Rejection(reason, "");
    }

    public static Rejection of(Reason reason, String detail) {
        return new Rejection(reason, detail);
    }
}
