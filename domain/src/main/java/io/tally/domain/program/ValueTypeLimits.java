package io.tally.domain.program;

/**
 * Per-value-type limits, in minor units of the value type; {@code 0} means "no limit" for the maxima
 * and "no minimum" for the minima.
 */
public record ValueTypeLimits(long maxBalance, long minIssue, long maxIssue, long minRedeem, long maxRedeem) {
    public static final ValueTypeLimits NONE = new ValueTypeLimits(0, 0, 0, 0, 0);

    public ValueTypeLimits {
        if (maxBalance < 0 || minIssue < 0 || maxIssue < 0 || minRedeem < 0 || maxRedeem < 0) {
            throw new IllegalArgumentException("limits cannot be negative");
        }
        if (maxIssue > 0 && minIssue > maxIssue) {
            throw new IllegalArgumentException("minimum issuance is above the maximum issuance");
        }
        if (maxRedeem > 0 && minRedeem > maxRedeem) {
            throw new IllegalArgumentException("minimum redemption is above the maximum redemption");
        }
    }
}
