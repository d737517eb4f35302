package io.tally.domain.report.export;

import io.tally.domain.tenant.LocationId;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What an export is limited to: the period (days of the brand's time zone, both ends included), optionally one
 * location, one program, one entry type; {@code scope}, the locations of the manager who asked (empty for a
 * brand-wide role), fixed when the report was requested so the export never holds more than its requester could see;
 * and for a kind about one thing ({@link ReportKind#hasSubject()}) that thing ({@code subject}: a segment snapshot).
 */
public record ReportFilters(LocalDate from, LocalDate to, Optional<LocationId> location, Optional<String> program,
                            Optional<String> entryType, Optional<Set<LocationId>> scope, Optional<String> subject) {
    /** Longest period of one export (a transactions export of a longer one is several exports). */
    public static final int MAX_DAYS = 366;

    public ReportFilters {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(program, "program");
        Objects.requireNonNull(entryType, "entryType");
        scope = Objects.requireNonNull(scope, "scope").map(Set::copyOf);
        Objects.requireNonNull(subject, "subject");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("the period ends before it starts");
        }
        if (to.toEpochDay() - from.toEpochDay() + 1 > MAX_DAYS) {
            throw new IllegalArgumentException("a period is at most " + MAX_DAYS + " days");
        }
    }

    /** Filters of a kind about no one thing. */
    public ReportFilters(LocalDate from, LocalDate to, Optional<LocationId> location, Optional<String> program,
                         Optional<String> entryType, Optional<Set<LocationId>> scope) {
        this(from, to, location, program, entryType, scope, Optional.empty());
    }

    public long days() {
        return to.toEpochDay() - from.toEpochDay() + 1;
    }

    /** Whether something that happened at {@code at} (empty: no location) belongs in the export. */
    public boolean admits(Optional<LocationId> at) {
        if (location.isPresent() && !location.equals(at)) {
            return false;
        }
        return scope.map(s -> at.map(s::contains).orElse(false)).orElse(true);
    }

    /**
     * Whether something tied to all of {@code places} (a card: the locations it was used at) belongs in the export:
     * the location asked for is one of them, and a manager's scope holds one of them (a card used nowhere is in no
     * manager's scope).
     */
    public boolean admitsAny(Set<LocationId> places) {
        if (location.isPresent() && !places.contains(location.get())) {
            return false;
        }
        return scope.map(s -> places.stream().anyMatch(s::contains)).orElse(true);
    }

    public boolean admitsProgram(Optional<String> p) {
        return program.isEmpty() || program.equals(p);
    }

    public boolean admitsType(String type) {
        return entryType.map(type::equals).orElse(true);
    }
}
