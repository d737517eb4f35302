package io.tally.domain.coupon.bulk;

import io.tally.domain.shared.Identifiers;
import io.tally.domain.shared.RandomSource;
import java.util.HexFormat;

/** A coupon load job's id: 20 random hex characters, unique within the brand. */
public record LoadJobId(String value) {
    public LoadJobId {
        Identifiers.require(value, "load job id");
    }

    public static LoadJobId random(RandomSource random) {
        byte[] bytes = new byte[10];
        random.nextBytes(bytes);
        return new LoadJobId(HexFormat.of().formatHex(bytes));
    }

    @Override
    public String toString() {
        return value;
    }
}
