package io.tally.domain.engagement.score;

import io.tally.domain.tenant.BrandId;
import java.util.Optional;

/**
 * A brand's customer score settings, one item (A100): read by Explore Data's breakdown, the card page and the scoring
 * job (at the start of each day's run), written by the back office's setup page and the seed file. A write follows
 * the version it read, so of two admins saving at once the second is told, instead of silently undoing the first.
 */
public interface ScoreSettingsPort {
    /** The brand's stored settings, strongly consistent; empty when it never saved any. */
    Optional<ScoreSettings> find(BrandId brand);

    /**
     * Stores {@code settings} only if the stored version is {@code settings.version() - 1} (nothing stored for version
     * 1); false when another write came first.
     */
    boolean save(ScoreSettings settings);

    /** The brand's settings, or the defaults when it never saved any. */
    default ScoreSettings settings(BrandId brand) {
        return find(brand).orElseGet(() -> ScoreSettings.defaults(brand));
    }
}
