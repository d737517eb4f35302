package io.tally.lambda.merchant;

import com.fasterxml.jackson.databind.JsonNode;
import io.tally.domain.shared.Outcome;
import io.tally.domain.shared.Reason;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Optional;

/**
 * Dates and times on the wire: {@code yyyy-MM-dd HH:mm:ss}, always UTC, as integrations send them. Input also
 * takes {@code yyyy-MM-ddTHH:mm:ss} (optionally with a trailing {@code Z}) and a bare {@code yyyy-MM-dd} (midnight).
 * Birth dates are {@code yyyy-MM-dd}.
 */
final class WireTime {
    static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);

    private WireTime() {
    }

    static String format(Instant instant) {
        return FORMAT.format(instant.atOffset(ZoneOffset.UTC));
    }

    static String formatDate(LocalDate date) {
        return DATE.format(date);
    }

    static Outcome<Optional<Instant>> instant(JsonNode parent, String field) {
        return Fields.text(parent, field, 32).flatMap(text -> {
            if (text.isEmpty()) {
                return Outcome.accepted(Optional.<Instant>empty());
            }
            return parse(text.get()).<Outcome<Optional<Instant>>>map(i -> Outcome.accepted(Optional.of(i)))
                    .orElseGet(() -> Outcome.rejected(Reason.INVALID_REQUEST, field + " must be a UTC time as yyyy-MM-dd HH:mm:ss."));
        });
    }

    static Outcome<Optional<LocalDate>> date(JsonNode parent, String field) {
        return Fields.text(parent, field, 32).flatMap(text -> {
            if (text.isEmpty()) {
                return Outcome.accepted(Optional.<LocalDate>empty());
            }
            String t = text.get().length() > 10 ? text.get().substring(0, 10) : text.get();
            try {
                return Outcome.accepted(Optional.of(LocalDate.parse(t, DATE)));
            } catch (DateTimeParseException e) {
                return Outcome.rejected(Reason.INVALID_REQUEST, field + " must be a date as yyyy-MM-dd.");
            }
        });
    }

    private static Optional<Instant> parse(String text) {
        String t = text.endsWith("Z") ? text.substring(0, text.length() - 1) : text;
        try {
            if (t.length() == 10) {
                return Optional.of(LocalDate.parse(t, DATE).atStartOfDay().toInstant(ZoneOffset.UTC));
            }
            return Optional.of(LocalDateTime.parse(t.replace('T', ' '), FORMAT).toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
