package io.tally.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The before/after table: rows matched by figure and name, values per round, figures one side lacks shown as such. */
class BeforeAfterTest {
    private static final String HEADER = "machine: Linux amd64, 2 cores, Java 17; run: --quick (smoke sizes)\n"
            + "| # | what | measured | floor (same run) | ratio | target | verdict | notes |\n"
            + "|---|---|---|---|---|---|---|---|\n";

    private static String run(String coldMs, String coldRatio, String ownMs, String cost) {
        return HEADER
                + "| 1 cold start | updateBalance, default flags | " + coldMs + " ms (1 ms-2 ms) | 986 ms | " + coldRatio
                + "x | <= 1.5x | MISSED | notes |\n"
                + "| 2 warm | listValueType | p50 3.54 ms, p99 8.60 ms; own p50 " + ownMs + " ms | p50 3.20 ms | 1.11x | own | met | n |\n"
                + (cost == null ? "" : "| 7 cost | listValueType | " + cost + " per 1M calls: DynamoDB x | $0.250 (2 RRU) | 1.00x | - | - | n |\n")
                + "\n7 cost: per call\n\n| method | RRU table |\n|---|---|\n| listValueType | 2 |\n";
    }

    @Test
    void eachRowShowsBothSidesPerRoundAndTheChangeOfTheMedians() {
        List<BeforeAfter.Run> before = List.of(BeforeAfter.Run.parse(run("1600", "1.60", "0.50", null)),
                BeforeAfter.Run.parse(run("1500", "1.62", "0.40", null)), BeforeAfter.Run.parse(run("1700", "1.58", "0.60", null)));
        List<BeforeAfter.Run> after = List.of(BeforeAfter.Run.parse(run("800", "1.20", "0.30", "$0.250")),
                BeforeAfter.Run.parse(run("900", "1.30", "0.20", "$0.250")), BeforeAfter.Run.parse(""));
        String table = BeforeAfter.combine(before, after, "abc1234 (HEAD~2)", "def5678 (working tree)");

        assertTrue(table.contains("| # | what | value | before, run 1 | before, run 2 | before, run 3 | after, run 1 | after, run 2 "
                + "| after, run 3 | after / before (medians) |"), table);
        assertTrue(table.contains("| 1 cold start | updateBalance, default flags | ratio to floor | 1.60x | 1.62x | 1.58x | 1.20x "
                + "| 1.30x | run failed | 0.78x |"), table);
        assertTrue(table.contains("| 1 cold start | updateBalance, default flags | measured | 1600 ms | 1500 ms | 1700 ms | 800 ms "
                + "| 900 ms | run failed | 0.53x |"), table);
        assertTrue(table.contains("| 2 warm | listValueType | own p50 | 0.50 ms | 0.40 ms | 0.60 ms | 0.30 ms | 0.20 ms "
                + "| run failed | 0.50x |"), table);
        assertTrue(table.contains("| 2 warm | listValueType | measured p50 | 3.54 ms |"), table);
        assertTrue(table.contains("| 7 cost | listValueType | measured | - | - | - | $0.250 per 1M calls | $0.250 per 1M calls "
                + "| run failed | - |"), table);
        assertEquals(0, table.lines().filter(l -> l.startsWith("| listValueType")).count(), "figure tables are not rows");
    }

    @Test
    void aBaselineWithoutTheFigureIsNotAFailedRun() {
        String table = BeforeAfter.combine(List.of(BeforeAfter.Run.parse(HEADER)),
                List.of(BeforeAfter.Run.parse(run("800", "1.20", "0.30", "$0.250"))), "old", "new");
        assertTrue(table.contains("| 7 cost | listValueType | measured | - | $0.250 per 1M calls | - |"), table);
        assertTrue(table.contains("1 round,"), table);
    }
}
