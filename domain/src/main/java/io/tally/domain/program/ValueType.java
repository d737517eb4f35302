package io.tally.domain.program;

import io.tally.domain.tenant.BrandId;
import java.util.Objects;

/**
 * A kind of balance available to every card of a program: the program, the key (balanceType and
 * balanceCode), the number of decimal places amounts have on the wire ({@code scale}; amounts are
 * stored as whole minor units) and its limits.
 */
public record ValueType(BrandId brand, ProgramId program, ValueTypeKey key, int scale, ValueTypeLimits limits) {
    public ValueType {
        Objects.requireNonNull(brand, "brand");
        Objects.requireNonNull(program, "program");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(limits, "limits");
        if (scale < 0 || scale > 6) {
            throw new IllegalArgumentException("scale must be 0-6, not " + scale);
        }
    }

    /** An amount of this value type in minor units, as the wire writes it: decimal, with this type's scale. */
    public String format(long minor) {
        return io.tally.domain.shared.DecimalAmounts.toDecimal(minor, scale).toPlainString();
    }
}
