package io.tally.domain.report.export;

import io.tally.domain.tenant.LocationId;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * A staff member's export request as the Report Center form gives it. {@code id} comes with the form (a second
 * submission of the same form asks for the same report); {@code linkBase} is where the back office answers
 * (the download link in the e-mail points there).
 */
public record ExportRequest(ReportId id, ReportKind kind, LocalDate from, LocalDate to, Optional<LocationId> location,
                            Optional<String> program, Optional<String> entryType, String linkBase,
                            Optional<String> subject) {
    public ExportRequest {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(program, "program");
        Objects.requireNonNull(entryType, "entryType");
        Objects.requireNonNull(linkBase, "linkBase");
        Objects.requireNonNull(subject, "subject");
    }

    /** The Report Center form's request: a kind about no one thing. */
    public ExportRequest(ReportId id, ReportKind kind, LocalDate from, LocalDate to, Optional<LocationId> location,
                         Optional<String> program, Optional<String> entryType, String linkBase) {
        this(id, kind, from, to, location, program, entryType, linkBase, Optional.empty());
    }
}
