package io.tally.domain.fakes;

import io.tally.domain.audit.AuditLogPort;
import io.tally.domain.audit.AuditRecord;
import io.tally.domain.tenant.BrandId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** In-memory {@link AuditLogPort}: newest first, cursor = the number of matching records already returned. */
public final class InMemoryAuditLog implements AuditLogPort {
    private final List<AuditRecord> records = new ArrayList<>();

    @Override
    public synchronized boolean record(AuditRecord record) {
        if (records.stream().anyMatch(r -> r.brand().equals(record.brand()) && r.id().equals(record.id()))) {
            return false;
        }
        records.add(record);
        return true;
    }

    @Override
    public synchronized Optional<AuditRecord> find(BrandId brand, String id) {
        return records.stream().filter(r -> r.brand().equals(brand) && r.id().equals(id)).findFirst();
    }

    @Override
    public synchronized boolean settle(BrandId brand, String id, Map<String, String> after) {
        for (int i = 0; i < records.size(); i++) {
            AuditRecord r = records.get(i);
            if (r.brand().equals(brand) && r.id().equals(id)) {
                if (!r.pending()) {
                    return false;
                }
                records.set(i, r.withAfter(after));
                return true;
            }
        }
        return false;
    }

    @Override
    public synchronized Page page(BrandId brand, Filter filter, int limit, Optional<String> cursor) {
        List<AuditRecord> matching = records.stream()
                .filter(r -> r.brand().equals(brand))
                .filter(r -> !r.at().isBefore(filter.from()) && r.at().isBefore(filter.to()))
                .filter(r -> filter.staff().map(s -> s.equals(r.staff())).orElse(true))
                .filter(r -> filter.actionPrefix().map(p -> r.action().startsWith(p)).orElse(true))
                .sorted(Comparator.comparing(AuditRecord::at).thenComparing(AuditRecord::id).reversed())
                .toList();
        int from = cursor.map(Integer::parseInt).orElse(0);
        int to = Math.min(matching.size(), from + limit);
        Optional<String> next = to < matching.size() ? Optional.of(Integer.toString(to)) : Optional.empty();
        return new Page(matching.subList(Math.min(from, to), to), next);
    }

    /** Every record kept, in the order recorded. */
    public synchronized List<AuditRecord> all() {
        return List.copyOf(records);
    }
}
