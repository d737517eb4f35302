package io.tally.domain.tenant;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link LoadMerchantAccessPort} served from memory for a short time, so that a warm container answers repeated
 * calls with the same credentials without a storage read for authentication.
 *
 * <p><b>What is cached:</b> the records loaded (key, brand, location, terminal, employee), keyed by all five
 * inputs, never a decision. {@link AuthenticateMerchantUseCase} still checks the presented API secret and
 * employee password against the cached hashes, and the key's state and brand, on every call: a wrong secret
 * is refused from the cache exactly as from storage.
 *
 * <p><b>Only complete loads are cached</b>: every record asked for was found (the employee too, if one was
 * named). A load missing anything (an unknown key, brand, location, terminal or employee) is passed through and
 * forgotten, so a key, terminal or employee created a moment ago authenticates at once, and calls naming what
 * does not exist (a misconfigured till, someone guessing ids) can neither fill the cache nor evict the entries of
 * working tills; they cost one storage read each, as without the cache. (Entries are thus bounded by the real
 * combinations of key, location, terminal and employee, and by {@code maxEntries}.)
 *
 * <p><b>The revocation window:</b> an entry serves calls for less than {@code ttl} after its load <em>began</em>,
 * so a change to a cached record (a key revoked, an employee removed or given a new password, a location or
 * terminal removed, a brand starting to require employees) is seen by every call that starts {@code ttl} or more
 * after the change was written, in every container, plus the lag the store's read had before (DynamoDB's
 * eventually consistent {@code BatchGetItem}, normally well under a second). Within that window a container that
 * loaded the record earlier may still accept it: the same trade as API Gateway's authorizer cache (default 300 s).
 * Expiry follows the injected clock (the wall clock in production, so entries age across a SnapStart snapshot and
 * restore); an entry loaded "in the future" (the clock stepped back) counts as expired.
 *
 * <p>At most {@code maxEntries} entries; beyond that the one inserted first is dropped. Thread-safe: the map is
 * guarded by its own monitor, and storage is read outside it (two threads missing the same entry at once both
 * read; the entry whose load began later is kept).
 */
public final class CachedMerchantAccess implements LoadMerchantAccessPort {
    /** The revocation window of the deployed stack unless configured otherwise. */
    public static final Duration DEFAULT_TTL = Duration.ofSeconds(60);
    /** Far more distinct (key, location, terminal, employee) combinations than one container sees in a minute. */
    public static final int DEFAULT_MAX_ENTRIES = 1_000;

    private record Key(String apiKeyId, BrandId brand, LocationId location, TerminalId terminal,
                       Optional<EmployeeId> employee) {
        // Written out, not generated: docs/PERFORMANCE.md, "Records written out".
        @Override
        public boolean equals(Object o) {
            return o instanceof Key other && Objects.equals(apiKeyId, other.apiKeyId) && Objects.equals(brand, other.brand)
                    && Objects.equals(location, other.location) && Objects.equals(terminal, other.terminal)
                    && Objects.equals(employee, other.employee);
        }

        @Override
        public int hashCode() {
            int h = Objects.hashCode(apiKeyId);
            h = 31 * h + Objects.hashCode(brand);
            h = 31 * h + Objects.hashCode(location);
            h = 31 * h + Objects.hashCode(terminal);
            return 31 * h + Objects.hashCode(employee);
        }
    }

    private record Entry(MerchantAccess access, long loadStartedMillis) {
    }

    private final LoadMerchantAccessPort store;
    private final Clock clock;
    private final long ttlMillis;
    /** Insertion order: the eldest entry is the one loaded first. Guarded by itself. */
    private final Map<Key, Entry> entries;

    /**
     * @param ttl how long a complete load may be served; zero turns caching off (every call reads storage)
     */
    public CachedMerchantAccess(LoadMerchantAccessPort store, Clock clock, Duration ttl, int maxEntries) {
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (ttl == null || ttl.isNegative()) {
            throw new IllegalArgumentException("ttl must be zero or positive");
        }
        if (maxEntries < 1) {
            throw new IllegalArgumentException("maxEntries must be at least 1");
        }
        this.ttlMillis = ttl.toMillis();
        this.entries = new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, Entry> eldest) {
                return size() > maxEntries;
            }
        };
    }

    @Override
    public MerchantAccess load(String apiKeyId, BrandId brand, LocationId location, TerminalId terminal,
                               Optional<EmployeeId> employee) {
        if (ttlMillis == 0) {
            return store.load(apiKeyId, brand, location, terminal, employee);
        }
        Key key = new Key(apiKeyId, brand, location, terminal, employee);
        long now = clock.millis();
        synchronized (entries) {
            Entry hit = entries.get(key);
            if (hit != null) {
                if (now >= hit.loadStartedMillis() && now - hit.loadStartedMillis() < ttlMillis) {
                    return hit.access();
                }
                entries.remove(key);
            }
        }
        MerchantAccess loaded = store.load(apiKeyId, brand, location, terminal, employee);
        if (complete(loaded, employee.isPresent())) {
            synchronized (entries) {
                Entry current = entries.get(key);
                if (current == null || current.loadStartedMillis() <= now) {
                    entries.remove(key); // re-inserted at the young end
                    entries.put(key, new Entry(loaded, now));
                }
            }
        }
        return loaded;
    }

    /** Forgets every entry (SnapStart priming calls this, so nothing it loaded reaches the snapshot). */
    public void clear() {
        synchronized (entries) {
            entries.clear();
        }
    }

    /** Entries held, fresh or not (tests, and the priming check). */
    public int size() {
        synchronized (entries) {
            return entries.size();
        }
    }

    private static boolean complete(MerchantAccess a, boolean employeeNamed) {
        return a.apiKey().isPresent() && a.brand().isPresent() && a.location().isPresent() && a.terminal().isPresent()
                && (!employeeNamed || a.employee().isPresent());
    }
}
