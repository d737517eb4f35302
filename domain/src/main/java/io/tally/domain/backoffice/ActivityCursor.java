package io.tally.domain.backoffice;

import io.tally.domain.event.ActivityLogPort.Position;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/** A transactions listing's cursor as a URL-safe text: the log position it continues after. */
final class ActivityCursor {
    private static final char SEPARATOR = '\n';

    private ActivityCursor() {
    }

    static String encode(Position p) {
        String text = p.occurredAt() + String.valueOf(SEPARATOR) + p.eventId();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The position, or empty for text that is no cursor of ours (edited by hand). */
    static Optional<Position> decode(String cursor) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            int cut = text.indexOf(SEPARATOR);
            if (cut < 0 || cut == text.length() - 1) {
                return Optional.empty();
            }
            return Optional.of(new Position(Instant.parse(text.substring(0, cut)), text.substring(cut + 1)));
        } catch (IllegalArgumentException | DateTimeException e) {
            return Optional.empty();
        }
    }
}
