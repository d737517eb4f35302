package io.tally.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The figures as one Markdown table, printed exactly as docs/PERFORMANCE.md shows it: every row a measured
 * value, the floor measured in the same run, their ratio, the target and whether it is met.
 */
public final class Report {
    /** One figure. {@code ratio} is measured / floor unless the figure states otherwise (NaN: not applicable). */
    public record Row(String figure, String what, String measured, String floor, double ratio, String target,
                      Verdict verdict, String notes) {
    }

    public enum Verdict {
        MET("met"), MISSED("MISSED"), INFO("-");

        private final String text;

        Verdict(String text) {
            this.text = text;
        }
    }

    /** A figure's own table, printed after the main one (figure 7's cost columns). */
    public record Table(String title, List<String> header, List<List<String>> rows) {
    }

    private final List<Row> rows = new ArrayList<>();
    private final List<Table> tables = new ArrayList<>();

    public synchronized void add(Row row) {
        rows.add(row);
    }

    public synchronized List<Row> rows() {
        return List.copyOf(rows);
    }

    public synchronized void addTable(Table table) {
        tables.add(table);
    }

    public synchronized List<Table> tables() {
        return List.copyOf(tables);
    }

    public synchronized void print(PrintStream out) {
        out.println("| # | what | measured | floor (same run) | ratio | target | verdict | notes |");
        out.println("|---|---|---|---|---|---|---|---|");
        for (Row r : rows) {
            out.println("| " + r.figure() + " | " + r.what() + " | " + r.measured() + " | " + r.floor() + " | "
                    + (Double.isNaN(r.ratio()) ? "-" : fmt(r.ratio()) + "x") + " | " + r.target() + " | "
                    + r.verdict().text + " | " + r.notes() + " |");
        }
        for (Table t : tables) {
            out.println();
            out.println(t.title());
            out.println();
            out.println("| " + String.join(" | ", t.header()) + " |");
            out.println("|" + "---|".repeat(t.header().size()));
            for (List<String> row : t.rows()) {
                out.println("| " + String.join(" | ", row) + " |");
            }
        }
    }

    public static String fmt(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    /** Request units: as few decimals as they need (3, 2.5, 0.25). */
    public static String units(double v) {
        return java.math.BigDecimal.valueOf(v).setScale(3, java.math.RoundingMode.HALF_UP).stripTrailingZeros()
                .toPlainString();
    }

    public static String ms(long nanos) {
        return String.format(Locale.ROOT, "%.2f ms", Stats.ms(nanos));
    }

    public static String ms0(long nanos) {
        return String.format(Locale.ROOT, "%.0f ms", Stats.ms(nanos));
    }
}
