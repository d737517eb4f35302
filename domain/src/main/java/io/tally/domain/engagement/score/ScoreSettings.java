package io.tally.domain.engagement.score;

import io.tally.domain.tenant.BrandId;
import java.util.Objects;

/**
 * A brand's customer score settings (issue 14): the names of its score ranges ({@link ScoreRanges}, shown by Explore
 * Data and the card page) and its spend reference, the spend in ten-thousandths of the checkout currency that earns
 * the whole spend component ({@link CustomerScore}). One item per brand, changed only over the version read
 * ({@link ScoreSettingsPort#save}); a brand that never saved any has {@link #defaults} (version 0).
 */
public record ScoreSettings(BrandId brand, ScoreRanges ranges, long spendReference, long version) {
    /** The largest spend reference: 1,000,000,000.0000 of the currency (keeps 25 × spend in a long). */
    public static final long MAX_SPEND_REFERENCE = 1_000_000_000_0000L;

    public ScoreSettings {
        Objects.requireNonNull(brand, "brand");
        Objects.requireNonNull(ranges, "ranges");
        if (spendReference <= 0 || spendReference > MAX_SPEND_REFERENCE) {
            throw new IllegalArgumentException("the spend reference is positive and at most 1,000,000,000");
        }
        if (version < 0) {
            throw new IllegalArgumentException("version >= 0");
        }
    }

    /** What a brand without stored settings uses: the glossary's quarters and 500.0000. */
    public static ScoreSettings defaults(BrandId brand) {
        return new ScoreSettings(brand, ScoreRanges.DEFAULT, CustomerScore.DEFAULT_SPEND_REFERENCE, 0);
    }

    /** The next version of these settings with new values. */
    public ScoreSettings changed(ScoreRanges newRanges, long newSpendReference) {
        return new ScoreSettings(brand, newRanges, newSpendReference, version + 1);
    }
}
