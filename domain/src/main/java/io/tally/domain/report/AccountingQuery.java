package io.tally.domain.report;

import io.tally.domain.program.ProgramKind;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * What an Accounting page asks for: the days {@code from} to {@code to} (both included, the brand's time zone; for the
 * outstanding balances only {@code to} counts: their end), how to group, and optionally one kind of program.
 */
public record AccountingQuery(LocalDate from, LocalDate to, Grouping grouping, Optional<ProgramKind> kind) {
    public AccountingQuery {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(grouping, "grouping");
        Objects.requireNonNull(kind, "kind");
    }

    /** The outstanding balances at the end of {@code day}. */
    public static AccountingQuery balancesAt(LocalDate day, Grouping grouping, Optional<ProgramKind> kind) {
        return new AccountingQuery(day, day, grouping, kind);
    }

    /** The glossary's views: by location, program, card set or transaction type, and the overview (everything). */
    public enum Grouping {
        OVERVIEW("Overview"), LOCATION("By location"), PROGRAM("By program"), CARD_SET("By card set"),
        TYPE("By transaction type");

        private final String label;

        Grouping(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        /** Outstanding balances belong to places, programs and card sets, not to transaction types. */
        public boolean forBalances() {
            return this != TYPE;
        }
    }
}
