package io.tally.domain.report;

import io.tally.domain.program.ProgramKind;
import io.tally.domain.shared.DecimalAmounts;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** What the Accounting pages show: the activity of a period or the outstanding balances at a day's end. */
public final class AccountingView {
    private AccountingView() {
    }

    /**
     * The activity of the days {@code from}..{@code to} (the brand's zone), one line per group and value type, ordered
     * by label then value type. {@code partial}: a location-group manager's view (other locations' entries and
     * entries without a location are left out).
     */
    public record Activity(LocalDate from, LocalDate to, AccountingQuery.Grouping grouping, Optional<ProgramKind> kind,
                           List<ActivityLine> lines, boolean partial) {
        public Activity {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            Objects.requireNonNull(grouping, "grouping");
            Objects.requireNonNull(kind, "kind");
            lines = List.copyOf(lines);
        }
    }

    /** The outstanding balances at the end of {@code day}, one line per group and value type. */
    public record Balances(LocalDate day, AccountingQuery.Grouping grouping, Optional<ProgramKind> kind,
                           List<BalanceLine> lines, boolean partial) {
        public Balances {
            Objects.requireNonNull(day, "day");
            Objects.requireNonNull(grouping, "grouping");
            Objects.requireNonNull(kind, "kind");
            lines = List.copyOf(lines);
        }
    }

    /** What one group's cards hold of one value type (minor units of {@code scale}; negative if more left than came). */
    public record BalanceLine(String key, String label, String valueType, int scale, long amount) {
        public BalanceLine {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(valueType, "valueType");
        }
    }

    /** Minor units as the API writes the value type's amounts: a decimal of its scale ({@code 12.50}). */
    public static String decimal(long minor, int scale) {
        return DecimalAmounts.toDecimal(minor, scale).toPlainString();
    }
}
