package io.tally.backoffice.accounting;

import io.tally.domain.program.ProgramKind;
import io.tally.domain.report.AccountingQuery.Grouping;
import io.tally.domain.report.AccountingView;
import io.tally.domain.report.AccountingView.Activity;
import io.tally.domain.report.AccountingView.BalanceLine;
import io.tally.domain.report.AccountingView.Balances;
import io.tally.domain.report.ActivityLine;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The Accounting views as tables of text: the page renders them and the CSV writes them, so the download holds exactly
 * what the page shows. The first column names the row (a {@code th scope="row"}); amounts are decimals of the value
 * type's scale, its code in the value type column.
 */
public final class AccountingTables {
    private AccountingTables() {
    }

    /** A column's heading; numeric columns are right-aligned. */
    public record Column(String label, boolean numeric) {
    }

    public record Table(String caption, List<Column> columns, List<List<String>> rows) {
        public Table {
            columns = List.copyOf(columns);
            rows = rows.stream().map(List::copyOf).toList();
        }

        public List<String> header() {
            return columns.stream().map(Column::label).toList();
        }
    }

    static Table activity(Activity view) {
        String caption = "Activity, " + groupingText(view.grouping()) + ", " + view.from() + " to " + view.to()
                + kindText(view.kind());
        List<Column> columns = new ArrayList<>(lead(view.grouping()));
        if (view.grouping() == Grouping.TYPE) {
            columns.addAll(numeric("Credit", "Debit", "Net change", "Entries"));
        } else {
            columns.addAll(numeric("Issued", "Issues", "Redeemed", "Redemptions", "Adjusted up", "Adjusted down",
                    "Adjustments", "Voided redemptions (given back)", "Voided issuances (taken back)", "Voids",
                    "Expired", "Expiries", "Holds", "Releases", "Checkouts", "Net change"));
        }
        List<List<String>> rows = new ArrayList<>();
        for (ActivityLine l : view.lines()) {
            List<String> row = new ArrayList<>(names(view.grouping(), l.label(), l.valueType()));
            int s = l.scale();
            if (view.grouping() == Grouping.TYPE) {
                row.addAll(List.of(amount(l.total().credit(), s), amount(l.total().debit(), s),
                        amount(l.total().net(), s), count(l.total().count())));
            } else {
                row.addAll(List.of(amount(l.issued().amount(), s), count(l.issued().count()),
                        amount(l.redeemed().amount(), s), count(l.redeemed().count()),
                        amount(l.adjusted().credit(), s), amount(l.adjusted().debit(), s), count(l.adjusted().count()),
                        amount(l.voided().credit(), s), amount(l.voided().debit(), s), count(l.voided().count()),
                        amount(l.expired().amount(), s), count(l.expired().count()), count(l.held()),
                        count(l.released()), count(l.checkouts()), amount(l.total().net(), s)));
            }
            rows.add(row);
        }
        return new Table(caption, columns, rows);
    }

    static Table balances(Balances view) {
        String caption = "Outstanding balances at the end of " + view.day() + ", " + groupingText(view.grouping())
                + kindText(view.kind());
        List<Column> columns = new ArrayList<>(lead(view.grouping()));
        columns.addAll(numeric("Outstanding"));
        List<List<String>> rows = new ArrayList<>();
        for (BalanceLine l : view.lines()) {
            List<String> row = new ArrayList<>(names(view.grouping(), l.label(), l.valueType()));
            row.add(amount(l.amount(), l.scale()));
            rows.add(row);
        }
        return new Table(caption, columns, rows);
    }

    /** The naming columns: the group (none for the overview) and the value type. */
    private static List<Column> lead(Grouping grouping) {
        Column valueType = new Column("Value type", false);
        return switch (grouping) {
            case OVERVIEW -> List.of(valueType);
            case LOCATION -> List.of(new Column("Location", false), valueType);
            case PROGRAM -> List.of(new Column("Program", false), valueType);
            case CARD_SET -> List.of(new Column("Card set", false), valueType);
            case TYPE -> List.of(new Column("Transaction type", false), valueType);
        };
    }

    private static List<String> names(Grouping grouping, String label, String valueType) {
        String type = valueType.isEmpty() ? "None (no balance moved)" : valueType;
        return grouping == Grouping.OVERVIEW ? List.of(type) : List.of(label, type);
    }

    private static List<Column> numeric(String... labels) {
        return List.of(labels).stream().map(l -> new Column(l, true)).toList();
    }

    private static String amount(long minor, int scale) {
        return AccountingView.decimal(minor, scale);
    }

    private static String count(long n) {
        return Long.toString(n);
    }

    static String groupingText(Grouping grouping) {
        return grouping == Grouping.OVERVIEW ? "overview" : grouping.label().toLowerCase(Locale.ROOT);
    }

    static String kindText(Optional<ProgramKind> kind) {
        return kind.map(k -> " (" + k.name().toLowerCase(Locale.ROOT) + " programs only)").orElse("");
    }
}
