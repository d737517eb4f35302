package io.tally.domain.fakes;

import io.tally.domain.communication.send.PageListing;
import io.tally.domain.communication.send.Send;
import io.tally.domain.communication.send.SendProgress;
import io.tally.domain.communication.send.SendStatus;
import io.tally.domain.communication.send.SendsPort;
import io.tally.domain.tenant.BrandId;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** {@link SendsPort} in memory, with the DynamoDB adapter's conditions (the shared contract keeps them equal). */
public class InMemorySends implements SendsPort {
    private final Map<List<String>, Send> sends = new HashMap<>();
    private final Map<List<String>, PageListing> pages = new HashMap<>();
    private final Map<BrandId, Integer> rates = new HashMap<>();

    @Override
    public synchronized boolean create(Send send) {
        return send.version() == 1 && sends.putIfAbsent(key(send.brand(), send.id()), send) == null;
    }

    @Override
    public synchronized boolean update(Send changed) {
        Send stored = sends.get(key(changed.brand(), changed.id()));
        if (stored == null || stored.version() != changed.version() - 1) {
            return false;
        }
        sends.put(key(changed.brand(), changed.id()), changed);
        return true;
    }

    @Override
    public synchronized Optional<Send> find(BrandId brand, String id) {
        return Optional.ofNullable(sends.get(key(brand, id)));
    }

    @Override
    public synchronized List<Send> list(BrandId brand) {
        return sends.values().stream().filter(s -> s.brand().equals(brand)).sorted(Comparator.comparing(Send::id))
                .limit(MAX_PER_BRAND).toList();
    }

    @Override
    public synchronized List<Send> due(BrandId brand, Instant now, int limit) {
        return sends.values().stream().filter(s -> s.brand().equals(brand) && s.status() == SendStatus.QUEUED
                        && !s.sendAt().orElseThrow().isAfter(now))
                .sorted(Comparator.comparing((Send s) -> s.sendAt().orElseThrow()).thenComparing(Send::id))
                .limit(limit).toList();
    }

    @Override
    public synchronized List<Send> stale(BrandId brand, Instant before, int limit) {
        return sends.values().stream().filter(s -> s.brand().equals(brand) && s.status() == SendStatus.SENDING
                        && !s.progress().at().orElseThrow().isAfter(before))
                .sorted(Comparator.comparing((Send s) -> s.progress().at().orElseThrow()).thenComparing(Send::id))
                .limit(limit).toList();
    }

    @Override
    public synchronized Optional<PageListing> page(BrandId brand, String send, int page) {
        return Optional.ofNullable(pages.get(List.of(brand.value(), send, Integer.toString(page))));
    }

    @Override
    public synchronized PageListing list(BrandId brand, String send, int page, PageListing listing) {
        return pages.computeIfAbsent(List.of(brand.value(), send, Integer.toString(page)), k -> listing);
    }

    @Override
    public synchronized Recorded recordPage(BrandId brand, String send, int page, long queued, long skipped,
                                            boolean last, Instant now) {
        Send stored = sends.get(key(brand, send));
        if (stored == null || stored.status() != SendStatus.SENDING || stored.progress().pageDone(page)) {
            return new Recorded(false, Optional.ofNullable(stored));
        }
        SendProgress p = stored.progress();
        Set<Integer> done = new HashSet<>(p.pagesDone());
        done.add(page);
        SendProgress next = new SendProgress(done, last ? Optional.of(page + 1) : p.pages(), p.queued() + queued,
                p.skipped() + skipped, Optional.of(now));
        Send recorded = with(stored, stored.status(), next, stored.error(), stored.updatedAt());
        sends.put(key(brand, send), recorded);
        return new Recorded(true, Optional.of(recorded));
    }

    @Override
    public synchronized boolean finish(BrandId brand, String send, SendStatus to, Optional<String> error, Instant now) {
        Send stored = sends.get(key(brand, send));
        if (stored == null || stored.status() != SendStatus.SENDING) {
            return false;
        }
        sends.put(key(brand, send), with(stored, to, stored.progress(), error, now));
        return true;
    }

    @Override
    public synchronized int rate(BrandId brand) {
        return rates.getOrDefault(brand, DEFAULT_RATE);
    }

    @Override
    public synchronized void setRate(BrandId brand, int perSecond) {
        rates.put(brand, perSecond);
    }

    private static Send with(Send s, SendStatus status, SendProgress progress, Optional<String> error, Instant at) {
        return new Send(s.brand(), s.id(), s.name(), s.template(), s.templateVersion(), s.list(), s.segment(), s.channel(),
                s.sendAt(), s.portalUrl(), status, s.snapshot(), s.rate(), progress, error, at, s.updatedBy(), s.version());
    }

    private static List<String> key(BrandId brand, String id) {
        return List.of(brand.value(), id);
    }
}
