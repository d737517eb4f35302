package io.tally.local.reports;

import io.tally.domain.event.ActivityLogPort;
import io.tally.domain.event.DomainEvent;
import io.tally.domain.tenant.BrandId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Ledger events written straight into a brand's activity log, as the events consumer records them, for the export
 * tests: {@code n} entries spread over {@code [from, from + seconds)} at the demo brand's locations.
 */
public final class ReportActivity {
    public static final String[] LOCATIONS = {"DEMO001", "DEMO002", "DEMOWEB"};
    private static final String[] CARDS = {"4111111111111111", "5555555555554444", "4012888888881881"};

    private ReportActivity() {
    }

    /** Records the events; returns them, newest first (the export's order). */
    public static List<DomainEvent> record(ActivityLogPort log, BrandId brand, Instant from, long seconds, int n, long seed) {
        Random random = new Random(seed);
        List<DomainEvent> events = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Map<String, String> data = new HashMap<>();
            data.put("cardNumber", CARDS[random.nextInt(CARDS.length)]);
            data.put("transactionId", "tx-" + seed + "-" + i);
            data.put("location", LOCATIONS[random.nextInt(LOCATIONS.length)]);
            data.put("program", "GIFT");
            data.put("balance.USD", Integer.toString(random.nextInt(10_000) - 5_000));
            Instant at = from.plusSeconds(random.nextLong(seconds)).plusMillis(random.nextInt(1000));
            DomainEvent event = new DomainEvent(String.format("ev-%d-%06d", seed, i), "ledger.issue", brand, at, data);
            log.record(event);
            events.add(event);
        }
        events.sort((a, b) -> ActivityLogPort.Position.ORDER.compare(ActivityLogPort.Position.of(a),
                ActivityLogPort.Position.of(b)));
        return events;
    }
}
