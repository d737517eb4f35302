package io.tally.domain.backoffice;

import io.tally.domain.shared.Sealer;
import io.tally.domain.staff.StaffScope;
import io.tally.domain.event.ActivityLogPort.Position;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Optional;

/**
 * A transactions listing's cursor as a URL-safe text: the log position it continues after, sealed (AES-GCM) for the
 * staff member it was made for. The position may be an event the staff member may not see (a manager's page stops
 * after examining another group's events), so nothing of it may show, and a link passed to someone else opens nothing.
 */
final class ActivityCursor {
    private static final char SEPARATOR = '\n';

    private ActivityCursor() {
    }

    static String encode(Position p, Sealer sealer, StaffScope scope) {
        return sealer.seal(p.occurredAt() + String.valueOf(SEPARATOR) + p.eventId(), associated(scope));
    }

    /** The position, or empty for text that is no cursor of ours, or one made for someone else. */
    static Optional<Position> decode(String cursor, Sealer sealer, StaffScope scope) {
        try {
            String text = sealer.open(cursor, associated(scope));
            int cut = text.indexOf(SEPARATOR);
            if (cut < 0 || cut == text.length() - 1) {
                return Optional.empty();
            }
            return Optional.of(new Position(Instant.parse(text.substring(0, cut)), text.substring(cut + 1)));
        } catch (IllegalArgumentException | DateTimeException e) {
            return Optional.empty();
        }
    }

    private static String associated(StaffScope scope) {
        return "transactions-cursor:" + scope.brand().value() + ":" + scope.staff().value();
    }
}
