package io.tally.domain.fakes;

import io.tally.domain.communication.rule.DueMail;
import io.tally.domain.communication.rule.DueMailsPort;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Rule sends waiting out their delay, in memory, keyed and ordered as the DynamoDB adapter keys them (due, brand, id). */
public final class InMemoryDueMails implements DueMailsPort {
    private final Map<String, DueMail> mails = new TreeMap<>();

    private static String key(DueMail m) {
        return String.format("%016d", m.dueAt().toEpochMilli()) + "#" + m.brand().value() + "#" + m.messageId();
    }

    @Override
    public synchronized void put(DueMail mail) {
        mails.put(key(mail), mail);
    }

    @Override
    public synchronized List<DueMail> due(Instant now, int limit) {
        return mails.values().stream().filter(m -> !m.dueAt().isAfter(now))
                .sorted(Comparator.comparing(DueMail::dueAt)).limit(limit).toList();
    }

    @Override
    public synchronized void delete(DueMail mail) {
        mails.remove(key(mail));
    }

    public synchronized List<DueMail> all() {
        return List.copyOf(mails.values());
    }
}
