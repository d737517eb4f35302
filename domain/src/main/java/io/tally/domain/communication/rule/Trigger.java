package io.tally.domain.communication.rule;

import io.tally.domain.program.ValueTypeKey;
import java.util.Objects;
import java.util.Optional;

/**
 * What makes a rule fire. Event-driven triggers fire on an event of the events queue (its id names the trigger);
 * date-based ones ({@link #dateBased()}) are found by the daily job from the card's data and the day. Stored as one line
 * of text ({@link #text()}, {@link #parse}).
 */
public sealed interface Trigger {
    /** Longest wait "after N days without a visit" may name. */
    int MAX_LAPSE_DAYS = 3650;

    String text();

    default boolean dateBased() {
        return this instanceof Birthday || this instanceof Anniversary || this instanceof Lapsed;
    }

    /** A card's enrollment ({@code member.enrolled}). */
    record Enrollment() implements Trigger {
        public String text() {
            return "enrollment";
        }
    }

    /** The customer's birthday (month and day; 29 February falls on 28 February in other years). */
    record Birthday() implements Trigger {
        public String text() {
            return "birthday";
        }
    }

    /** The anniversary of the card's enrollment (month and day, as birthdays). */
    record Anniversary() implements Trigger {
        public String text() {
            return "anniversary";
        }
    }

    /** A committed checkout on the card, optionally of at least {@code minimum} ten-thousandths of the checkout currency. */
    record Checkout(Optional<Long> minimum) implements Trigger {
        public Checkout {
            Objects.requireNonNull(minimum, "minimum");
            if (minimum.isPresent() && minimum.get() < 0) {
                throw new IllegalArgumentException("a minimum is not negative");
            }
        }

        public String text() {
            return "checkout" + minimum.map(m -> ":" + m).orElse("");
        }
    }

    /** An event of one category recorded on the card ({@code recordEvent}). */
    record Event(String category) implements Trigger {
        public Event {
            if (category == null || category.isBlank() || category.contains("\n")) {
                throw new IllegalArgumentException("an event trigger names a category");
            }
        }

        public String text() {
            return "event:" + category;
        }
    }

    /** A balance of one value type going from below {@code threshold} (minor units) to at least it. */
    record Balance(ValueTypeKey valueType, long threshold) implements Trigger {
        public Balance {
            Objects.requireNonNull(valueType, "valueType");
        }

        public String text() {
            return "balance:" + threshold + ":" + valueType.asText();
        }
    }

    /** N whole days since the card's last ledger activity (its enrollment if it has none). */
    record Lapsed(int days) implements Trigger {
        public Lapsed {
            if (days < 1 || days > MAX_LAPSE_DAYS) {
                throw new IllegalArgumentException("days without a visit are 1-" + MAX_LAPSE_DAYS);
            }
        }

        public String text() {
            return "lapsed:" + days;
        }
    }

    static Trigger parse(String text) {
        String[] p = text.split(":", 3);
        return switch (p[0]) {
            case "enrollment" -> new Enrollment();
            case "birthday" -> new Birthday();
            case "anniversary" -> new Anniversary();
            case "checkout" -> new Checkout(p.length > 1 ? Optional.of(Long.parseLong(p[1])) : Optional.empty());
            case "event" -> new Event(text.substring("event:".length()));
            case "balance" -> new Balance(ValueTypeKey.parseText(p[2]), Long.parseLong(p[1]));
            case "lapsed" -> new Lapsed(Integer.parseInt(p[1]));
            default -> throw new IllegalArgumentException("not a trigger: " + text);
        };
    }
}
