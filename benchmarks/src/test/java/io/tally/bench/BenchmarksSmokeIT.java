package io.tally.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The smoke run of every benchmark ({@code --quick}: tiny sizes, seconds) so they cannot rot. It asserts that
 * each figure ran and produced sane numbers, never how fast anything was: these machines are shared.
 */
class BenchmarksSmokeIT {

    @Test
    void everyFigureRunsAndReportsSaneNumbers() throws Exception {
        Report report = Benchmarks.run(new String[] {"--quick"});
        report.print(System.out);
        Map<String, List<Report.Row>> byFigure = report.rows().stream().collect(Collectors.groupingBy(Report.Row::figure));

        List<Report.Row> coldStarts = byFigure.get("1 cold start");
        assertEquals(6, coldStarts.size(), "classes loaded; default, C1 and AppCDS; the observability cost: floor + Powertools, floor + ours");
        Report.Row classes = coldStarts.get(0);
        assertTrue(classes.what().endsWith("classes loaded (training run, C1)"), classes.toString());
        // Deterministic, not a timing: a record's generated equals, hashCode or toString on the cold path costs
        // 40-70 ms (PERFORMANCE.md, "Records written out"); write that record's methods out instead.
        assertEquals(Report.Verdict.MET, classes.verdict(), "the first call bootstraps no record ObjectMethods: " + classes);
        assertTrue(coldStarts.stream().anyMatch(r -> r.what().startsWith("floor + Powertools"))
                && coldStarts.stream().anyMatch(r -> r.what().startsWith("floor + ")
                && !r.what().startsWith("floor + Powertools")), "both observability rows: " + coldStarts);
        assertTrue(byFigure.get("2 warm").size() >= 4, "listValueType, balance check, redeem, redeem with customRequestId");
        assertEquals(5, byFigure.get("2 warm (JMH)").size(), "balanceCheck, listValueType, redeem; checkout and redeem with ids");
        assertEquals(9, byFigure.get("2 campaigns (JMH)").size(), "10, 100, 1000 campaigns x 1, 20, 200 lines");
        List<Report.Row> checkouts = byFigure.get("2 warm").stream().filter(r -> r.what().startsWith("checkout")).toList();
        assertEquals(2, checkouts.size(), "checkout without and with a coupon");
        assertTrue(checkouts.stream().allMatch(r -> r.notes().contains("PutItem CARD/SEQ") && r.measured().matches(".*; own p50 .*, p90 .*, p99 .*")),
                "the entry is written; own overhead percentiles: " + checkouts);
        assertTrue(checkouts.get(1).notes().contains("COUPON/COUPON"), "the presented coupon is read and claimed: " + checkouts);
        assertEquals(2, byFigure.get("3 hot card").size(), "N = 1 and 8 in the smoke run");
        assertTrue(byFigure.get("4 scaling").size() >= 6, "history and table sizes");
        assertEquals(2, byFigure.get("5 memory").size());
        assertEquals(2, byFigure.get("6 sweeper").size(), "floor and behind superseded names");
        assertEquals(Report.Verdict.MET, byFigure.get("6 sweeper").get(1).verdict(), "the progress guarantee holds");
        assertEquals(Report.Verdict.MET, byFigure.get("8 coupon load").get(0).verdict(), "every code loaded once");
        assertEquals(2, byFigure.get("9 accounting").size(), "the 1,000-entry year and the larger one");
        assertTrue(byFigure.get("9 accounting").stream().allMatch(r -> r.notes().contains("equal to the generator's sums")),
                "accounting from the rollups equals the generated entries: " + byFigure.get("9 accounting"));
        assertEquals(Report.Verdict.MET, byFigure.get("10 report export").get(0).verdict(), "every row once, flat heap");
        for (Report.Row row : report.rows()) {
            assertFalse(row.measured().isBlank(), row.toString());
            // a warm listValueType costs nothing (authentication and catalogue from the container's caches): ratio 0
            boolean free = row.figure().equals("7 cost") && row.ratio() == 0 && row.notes().startsWith("RRU 0; WRU 0");
            assertTrue(Double.isNaN(row.ratio()) || free || (row.ratio() > 0.01 && row.ratio() < 100), row.toString());
        }
        assertTrue(byFigure.get("3 hot card").stream().allMatch(r -> r.notes().contains("final balance 0")));
        assertTrue(byFigure.get("2 warm").stream().filter(r -> r.what().equals("updateBalance redeem"))
                .allMatch(r -> r.notes().contains("PutItem")), "a redeem writes");
        assertTrue(byFigure.get("2 warm").stream().anyMatch(r -> r.what().contains("customRequestId")));

        List<Report.Row> cost = byFigure.get("7 cost");
        assertTrue(cost.size() >= 4, "a cost row per warm case of figure 2");
        Report.Row redeem = cost.stream().filter(r -> r.what().equals("updateBalance redeem")).findFirst().orElseThrow();
        assertTrue(redeem.notes().contains("WRU table"), "a redeem consumes write units: " + redeem);
        assertTrue(redeem.notes().contains("GSI1"), "its entry enters the outbox index: " + redeem);
        assertTrue(redeem.measured().contains("SQS $0.400"), "one SQS request per redeem: " + redeem);
        assertTrue(cost.stream().noneMatch(r -> r.notes().contains("differed from dynalite")), "item sizes agree");
        assertTrue(cost.stream().filter(r -> r.what().equals("listValueType")).allMatch(r -> r.ratio() == 0),
                "a warm listValueType makes no request: authentication comes from the container's cache");
        assertEquals(3, report.tables().size(), "figure 7's cost columns, figure 10's fan-out, figure 11's workers");
        assertEquals(cost.size(), report.tables().get(0).rows().size());
        assertEquals(3, report.tables().get(1).rows().size(), "1, 2 and 4 workers");
        assertEquals(4, report.tables().get(2).rows().size(), "1, 2, 4 and 8 workers");
        List<Report.Row> segments = report.rows().stream().filter(r -> r.figure().startsWith("11 ")).toList();
        assertEquals(3, segments.size(), "the real adapters' sample, the live count, the generated run");
        assertTrue(segments.stream().allMatch(r -> r.verdict() == Report.Verdict.MET),
                "READY with the independent count's members; the count within its budget: " + segments);
        List<Report.Row> sends = byFigure.get("12 scheduled send");
        assertEquals(1, sends.size(), "one send at the smoke run's rate");
        assertTrue(sends.get(0).notes().contains(" 0 twice, 0 generated cards missed")
                && sends.get(0).notes().contains("1 pages delivered twice"),
                "each recipient exactly once, a page delivered twice included: " + sends);
    }
}
