package io.tally.domain.segment;

import io.tally.domain.shared.GeoPoint;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;

/**
 * The moment a segment is evaluated, in the brand's zone (days and occasions are counted there), and the brand's
 * default coordinates, used for owning-location proximity when a card's owning location has none.
 */
public record EvaluationContext(Instant now, ZoneId zone, Optional<GeoPoint> defaultPoint) {
    public EvaluationContext {
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(defaultPoint, "defaultPoint");
    }

    public LocalDate today() {
        return LocalDate.ofInstant(now, zone);
    }

    public LocalDate day(Instant instant) {
        return LocalDate.ofInstant(instant, zone);
    }
}
