package io.tally.bench;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.tally.domain.ledger.LedgerLimits;
import io.tally.dynamo.dynalite.LocalDynamo;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Figure 7. What each warm case of figure 2 consumes per call, and what that costs per million calls: DynamoDB read
 * and write request units (table and each index apart, measured by {@link CapacityMeter}: {@code ReturnConsumedCapacity
 * INDEXES} on every request, index writes computed by DynamoDB's rules where dynalite returns none) and the SQS
 * requests of the event publish, priced at on-demand rates. The floor is the same case's floor calls, metered the same
 * way. Capacity does not depend on the machine, so a few calls suffice; the row reports the most common call (a
 * catalogue cache miss, once per brand per container per TTL, makes the odd call read more) and says how many differed.
 * Every ledger entry repeats the card's state, so what a write costs grows with that state: the cases with a
 * {@code customRequestId} are sampled once the card's ring of recent ones is full, and the plain redeem is measured
 * twice, before that and after.
 */
final class CostFigure {
    /**
     * DynamoDB on-demand prices, us-east-1, Standard table class, in USD per million request units: the prices in
     * force since 2024-11-01, when AWS halved on-demand throughput prices. A read request unit is one strongly
     * consistent read of up to 4 KB (an eventually consistent one is half a unit, a transactional one two); a write
     * request unit is one write of up to 1 KB (transactional: two), and every index the write changes costs its own
     * write units on top of the table's.
     */
    static final double USD_PER_MILLION_RRU = 0.125;
    static final double USD_PER_MILLION_WRU = 0.625;
    /**
     * SQS standard queue, us-east-1, USD per million requests beyond the free tier (1 million a month); every 64 KB
     * chunk of a request's payload is billed as one request.
     */
    static final double USD_PER_MILLION_SQS_REQUESTS = 0.40;
    static final String PRICES = "us-east-1 on-demand, Standard table class, prices since 2024-11-01: "
            + "$0.125 per million RRU, $0.625 per million WRU; SQS standard $0.40 per million requests (64 KB chunks)";

    private final BenchWorld world;
    private final Workload workload;
    private final Options options;

    CostFigure(BenchWorld world, Workload workload, Options options) {
        this.world = world;
        this.workload = workload;
        this.options = options;
    }

    /** What one call consumed: request units by table or index, and the SQS requests as billed. */
    record Usage(Map<String, Double> reads, Map<String, Double> writes, int sqsBilled, int sqsRequests, String calls) {
        static Usage of(CapacityMeter.Meter m) {
            return new Usage(nonZero(m.reads()), nonZero(m.writes()), m.sqsBilledRequests(), m.sqsRequests(),
                    m.describeCalls());
        }

        double rru() {
            return reads.values().stream().mapToDouble(Double::doubleValue).sum();
        }

        double wru() {
            return writes.values().stream().mapToDouble(Double::doubleValue).sum();
        }

        double tableRru() {
            return reads.getOrDefault("table", 0.0);
        }

        double tableWru() {
            return writes.getOrDefault("table", 0.0);
        }

        /** USD per million calls, DynamoDB alone. */
        double dynamoUsd() {
            return rru() * USD_PER_MILLION_RRU + wru() * USD_PER_MILLION_WRU;
        }

        /** USD per million calls, the SQS publish alone. */
        double sqsUsd() {
            return sqsBilled * USD_PER_MILLION_SQS_REQUESTS;
        }

        double totalUsd() {
            return dynamoUsd() + sqsUsd();
        }

        /** e.g. {@code RRU table 3, GSI3 0.5; WRU table 4, GSI2 1}. */
        String detail() {
            return "RRU " + units(reads) + "; WRU " + units(writes);
        }

        private static String units(Map<String, Double> by) {
            Map<String, Double> shown = nonZero(by);
            if (shown.isEmpty()) {
                return "0";
            }
            return shown.entrySet().stream().map(e -> e.getKey() + " " + Report.units(e.getValue()))
                    .collect(Collectors.joining(", "));
        }

        private static Map<String, Double> nonZero(Map<String, Double> by) {
            Map<String, Double> shown = new TreeMap<>(CostFigure::tableFirst);
            by.forEach((k, v) -> {
                if (v != 0) {
                    shown.put(k, v);
                }
            });
            return shown;
        }
    }

    void run(Report report) {
        int samples = options.quick() ? 3 : 20;
        List<List<String>> table = new ArrayList<>();
        List<Workload.Case> cases = new ArrayList<>(workload.warmCases());
        // every ledger entry repeats the card's state, which keeps the card's last REQUEST_RING customRequestIds: a
        // plain redeem on a card that POS retries protect writes that ring too, so it is measured again after them
        cases.stream().filter(c -> c.method().equals("updateBalance") && !c.requestIds()).findFirst()
                .ifPresent(c -> cases.add(new Workload.Case(c.name() + " (card state with " + LedgerLimits.REQUEST_RING
                        + " customRequestIds)", c.method(), c.body(), c.floor(), c.floorCalls(), false)));
        try (DynamoDbClient images = LocalDynamo.client(world.dynalite().endpoint())) {
            for (Workload.Case c : cases) {
                // with customRequestIds: until the ring is full, so that every sampled entry has its steady size
                int warmup = c.requestIds() ? LedgerLimits.REQUEST_RING + 2 : Math.min(options.warmWarmup(), 3);
                for (int i = 0; i < warmup; i++) {
                    handle(c, "w" + i);
                }
                List<Usage> handler = new ArrayList<>();
                List<Usage> floor = new ArrayList<>();
                long sqsBytes = 0;
                int conditionFailures = 0;
                int disagreements = 0;
                boolean computed = false;
                for (int i = 0; i < samples; i++) {
                    CapacityMeter.start(images);
                    try {
                        handle(c, "s" + i);
                    } finally {
                        CapacityMeter.Meter m = CapacityMeter.stop();
                        handler.add(Usage.of(m));
                        sqsBytes += m.sqsPayloadBytes();
                        conditionFailures += m.conditionFailures();
                        disagreements += m.tableUnitDisagreements();
                        computed |= m.indexWritesComputed();
                    }
                    CapacityMeter.start(images);
                    try {
                        c.floor().run();
                    } finally {
                        CapacityMeter.Meter m = CapacityMeter.stop();
                        floor.add(Usage.of(m));
                        disagreements += m.tableUnitDisagreements();
                    }
                }
                Usage h = mode(handler);
                Usage f = mode(floor);
                long differing = handler.stream().filter(u -> !u.equals(h)).count();
                StringBuilder notes = new StringBuilder();
                notes.append(h.detail()).append("; ").append(h.calls());
                if (h.sqsRequests() > 0) {
                    notes.append(String.format(Locale.ROOT, " (SQS payload %d bytes a call, %d billed request(s))",
                            sqsBytes / samples, h.sqsBilled()));
                }
                notes.append("; floor ").append(f.detail()).append(" (").append(f.calls()).append(")");
                notes.append(differing == 0 ? "; all " + samples + " calls the same"
                        : "; " + differing + " of " + samples + " calls differed (" + differences(handler, h) + ")");
                if (computed) {
                    notes.append("; index WRU computed from item images (dynalite returns table units only for writes)");
                }
                if (conditionFailures > 0) {
                    notes.append("; ").append(conditionFailures).append(" failed conditional writes charged");
                }
                if (disagreements > 0) {
                    notes.append("; table WRU from item sizes differed from dynalite's on ").append(disagreements).append(" writes");
                }
                report.add(new Report.Row("7 cost", c.name(),
                        usd(h.totalUsd()) + " per 1M calls: DynamoDB " + usd(h.dynamoUsd()) + " (" + Report.units(h.rru())
                                + " RRU, " + Report.units(h.wru()) + " WRU) + SQS " + usd(h.sqsUsd()),
                        usd(f.totalUsd()) + " (" + Report.units(f.rru()) + " RRU, " + Report.units(f.wru()) + " WRU)",
                        f.totalUsd() == 0 ? Double.NaN : h.totalUsd() / f.totalUsd(), "- (reported)", Report.Verdict.INFO,
                        notes.toString()));
                table.add(List.of(c.name(), Report.units(h.tableRru()), Report.units(h.rru() - h.tableRru()),
                        Report.units(h.tableWru()), Report.units(h.wru() - h.tableWru()), usd(h.dynamoUsd()),
                        Integer.toString(h.sqsBilled()), usd(h.sqsUsd()), usd(h.totalUsd()), usd(f.totalUsd())));
            }
        }
        report.addTable(new Report.Table("7 cost: per call and per million calls (" + PRICES + ")",
                List.of("method", "RRU table", "RRU indexes", "WRU table", "WRU indexes", "DynamoDB $ / 1M calls",
                        "SQS requests", "SQS $ / 1M calls", "total $ / 1M calls", "floor $ / 1M calls"),
                table));
    }

    /** The most common usage, the earliest of equally common ones. */
    static Usage mode(List<Usage> usages) {
        Map<Usage, Integer> counts = new LinkedHashMap<>();
        usages.forEach(u -> counts.merge(u, 1, Integer::sum));
        return counts.entrySet().stream().max((a, b) -> Integer.compare(a.getValue(), b.getValue()))
                .orElseThrow().getKey();
    }

    private static String differences(List<Usage> all, Usage usual) {
        Map<String, Integer> seen = new HashMap<>();
        for (Usage u : all) {
            if (!u.equals(usual)) {
                String d = String.format(Locale.ROOT, "%s%s RRU, %s%s WRU, %s", sign(u.rru() - usual.rru()),
                        Report.units(u.rru() - usual.rru()), sign(u.wru() - usual.wru()), Report.units(u.wru() - usual.wru()),
                        u.calls());
                seen.merge(d, 1, Integer::sum);
            }
        }
        return seen.entrySet().stream().map(e -> e.getValue() + "x " + e.getKey()).collect(Collectors.joining("; "));
    }

    /** "table" before the index names, which sort by name. */
    private static int tableFirst(String a, String b) {
        if (a.equals(b)) {
            return 0;
        }
        return a.equals("table") ? -1 : b.equals("table") ? 1 : a.compareTo(b);
    }

    private static String sign(double v) {
        return v >= 0 ? "+" : "";
    }

    static String usd(double v) {
        return String.format(Locale.ROOT, "$%.3f", v);
    }

    private void handle(Workload.Case c, String id) {
        APIGatewayV2HTTPEvent event = c.requestIds()
                ? workload.merchant().event(c.method(), c.body(), Map.of("customrequestid", "cost-" + id))
                : workload.merchant().event(c.method(), c.body());
        APIGatewayV2HTTPResponse r = workload.merchant().invoke(event);
        if (r.getStatusCode() != 200) {
            throw new IllegalStateException("call failed: " + r.getStatusCode() + " " + r.getBody());
        }
    }
}
