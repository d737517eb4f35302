package io.tally.domain.tenant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tally.domain.fakes.MutableClock;
import io.tally.domain.shared.Outcome;
import io.tally.domain.shared.Reason;
import io.tally.domain.shared.SecretHasher;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CachedMerchantAccessTest {
    private static final Duration TTL = Duration.ofSeconds(60);
    private static final Instant T0 = Instant.parse("2025-03-01T12:00:00Z");
    private static final String SECRET = "s3cr3t-s3cr3t-s3cr3t";
    private static final BrandId ACME = new BrandId("ACME");
    private static final LocationId L1 = new LocationId("ACME001");
    private static final LocationId L2 = new LocationId("ACME002");
    private static final TerminalId POS1 = new TerminalId("pos-1");
    private static final TerminalId POS2 = new TerminalId("pos-2");
    private static final EmployeeId ANN = new EmployeeId("ann");
    private static final EmployeeId BOB = new EmployeeId("bob");

    private final MutableClock clock = new MutableClock(T0);
    private final FakeStore store = new FakeStore();
    private final CachedMerchantAccess cache = new CachedMerchantAccess(store, clock, TTL, 1_000);
    private final AuthenticateMerchantUseCase auth = new AuthenticateMerchantUseCase(cache);
    private ExecutorService pool;

    CachedMerchantAccessTest() {
        store.brand(new Brand(ACME, "Acme", false));
        for (LocationId l : List.of(L1, L2)) {
            store.location(new Location(ACME, l, new LocationGroupId("ALL"), null));
            for (TerminalId t : List.of(POS1, POS2)) {
                store.terminal(new Terminal(ACME, l, t, null));
            }
            for (EmployeeId e : List.of(ANN, BOB)) {
                store.employee(new Employee(ACME, l, e, null, SecretHasher.hashPin("1234", new byte[16])));
            }
        }
        store.key(new ApiKey("key-1", ACME, "", SecretHasher.hashSecret(SECRET, new byte[16]), T0, null));
        store.key(new ApiKey("key-2", ACME, "", SecretHasher.hashSecret(SECRET, new byte[16]), T0, null));
    }

    @AfterEach
    void stopPool() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }

    private LoadMerchantAccessPort.MerchantAccess load(String key, LocationId l, TerminalId t, EmployeeId e) {
        return cache.load(key, ACME, l, t, Optional.ofNullable(e));
    }

    private Outcome<MerchantContext> call(String secret, String employee, String password) {
        return auth.authenticate(new MerchantCredentials("key-1", secret, "ACME", "ACME001", "pos-1", employee, password));
    }

    private static Reason reason(Outcome<?> o) {
        assertFalse(o.isAccepted(), "expected a refusal");
        return ((Outcome.Rejected<?>) o).rejection().reason();
    }

    @Test
    void repeatedLoadsWithinTheTtlReadStorageOnce() {
        var first = load("key-1", L1, POS1, null);
        clock.advance(TTL.minusMillis(1));
        var again = load("key-1", L1, POS1, null);

        assertEquals(1, store.calls.get());
        assertEquals(first, again);
        assertTrue(again.terminal().isPresent());
    }

    @Test
    void anEntryIsReloadedOnceTheTtlHasPassed() {
        load("key-1", L1, POS1, null);
        clock.advance(TTL);
        load("key-1", L1, POS1, null);
        assertEquals(2, store.calls.get());

        clock.advance(TTL.minusMillis(1));
        load("key-1", L1, POS1, null);
        assertEquals(2, store.calls.get(), "the reload started a new window");
    }

    @Test
    void theSecretAndTheEmployeePasswordAreCheckedOnEveryCallAgainstTheCachedRecords() {
        store.brand(new Brand(ACME, "Acme", true));
        assertTrue(call(SECRET, "ann", "1234").isAccepted());

        assertEquals(Reason.UNAUTHENTICATED, reason(call("wrong-secret", "ann", "1234")));
        assertEquals(Reason.UNAUTHENTICATED, reason(call(null, "ann", "1234")));
        assertEquals(Reason.UNKNOWN_EMPLOYEE, reason(call(SECRET, "ann", "9999")));
        assertEquals(Reason.UNKNOWN_EMPLOYEE, reason(call(SECRET, "ann", null)));
        assertTrue(call(SECRET, "ann", "1234").isAccepted());

        assertEquals(1, store.calls.get(), "every one of these was answered from the one cached load");
    }

    @Test
    void aRevokedKeyIsRefusedOnceTheTtlHasPassed() {
        assertTrue(call(SECRET, null, null).isAccepted());
        store.key(store.keys.get("key-1").revoke(clock.instant()));

        clock.advance(TTL.minusMillis(1));
        assertTrue(call(SECRET, null, null).isAccepted(), "within the documented window the cached key still works");
        clock.advance(Duration.ofMillis(1));
        assertEquals(Reason.UNAUTHENTICATED, reason(call(SECRET, null, null)));
    }

    @Test
    void aRemovedEmployeeOrLocationIsRefusedOnceTheTtlHasPassedAndTheAbsenceIsNotCached() {
        store.brand(new Brand(ACME, "Acme", true));
        assertTrue(call(SECRET, "ann", "1234").isAccepted());
        store.employees.remove(L1.value() + "/" + ANN.value());

        clock.advance(TTL);
        assertEquals(Reason.UNKNOWN_EMPLOYEE, reason(call(SECRET, "ann", "1234")));
        assertEquals(Reason.UNKNOWN_EMPLOYEE, reason(call(SECRET, "ann", "1234")));
        assertEquals(3, store.calls.get(), "a load without the employee named is read again every time");

        assertTrue(call(SECRET, "bob", "1234").isAccepted());
        store.locations.remove(L1.value());
        clock.advance(TTL);
        assertEquals(Reason.UNKNOWN_LOCATION, reason(call(SECRET, "bob", "1234")));
    }

    @Test
    void aNewPasswordReplacesTheOldOneOnceTheTtlHasPassed() {
        store.brand(new Brand(ACME, "Acme", true));
        assertTrue(call(SECRET, "ann", "1234").isAccepted());
        store.employee(new Employee(ACME, L1, ANN, null, SecretHasher.hashPin("5678", new byte[16])));

        clock.advance(TTL);
        assertEquals(Reason.UNKNOWN_EMPLOYEE, reason(call(SECRET, "ann", "1234")));
        assertTrue(call(SECRET, "ann", "5678").isAccepted());
    }

    @Test
    void incompleteLoadsAreNeverCachedSoWhatIsCreatedWorksAtOnce() {
        TerminalId pos9 = new TerminalId("pos-9");
        assertTrue(load("key-1", L1, pos9, null).terminal().isEmpty());
        assertTrue(load("key-1", L1, pos9, null).terminal().isEmpty());
        assertEquals(2, store.calls.get());

        store.terminal(new Terminal(ACME, L1, pos9, null));
        assertTrue(load("key-1", L1, pos9, null).terminal().isPresent(), "a terminal just created works at once");
        assertEquals(3, store.calls.get());
        load("key-1", L1, pos9, null);
        assertEquals(3, store.calls.get(), "and, complete now, is cached");

        load("key-new", L1, POS1, null);
        load("nokey", L1, POS1, null);
        load("key-1", L1, POS1, new EmployeeId("carl"));
        assertTrue(cache.load("key-1", new BrandId("NOPE"), L1, POS1, Optional.empty()).brand().isEmpty());
        store.key(new ApiKey("key-new", ACME, "", SecretHasher.hashSecret(SECRET, new byte[16]), T0, null));
        assertTrue(load("key-new", L1, POS1, null).apiKey().isPresent(), "a key just created works at once");
        assertEquals(8, store.calls.get());
        assertEquals(2, cache.size(), "only the two complete loads are held");
    }

    @Test
    void everyInputIsPartOfTheKey() {
        load("key-1", L1, POS1, null);
        load("key-1", L1, POS1, ANN);
        load("key-1", L1, POS1, BOB);
        load("key-1", L1, POS2, null);
        load("key-1", L2, POS1, null);
        load("key-2", L1, POS1, null);
        assertEquals(6, store.calls.get());

        var bob = load("key-1", L1, POS1, BOB);
        assertEquals(BOB, bob.employee().orElseThrow().id());
        assertEquals(POS2, load("key-1", L1, POS2, null).terminal().orElseThrow().id());
        assertEquals(L2, load("key-1", L2, POS1, null).location().orElseThrow().id());
        assertEquals("key-2", load("key-2", L1, POS1, null).apiKey().orElseThrow().keyId());
        assertTrue(load("key-1", L1, POS1, null).employee().isEmpty());
        assertEquals(6, store.calls.get());
    }

    @Test
    void beyondTheBoundTheOldestEntryIsDropped() {
        var small = new CachedMerchantAccess(store, clock, TTL, 2);
        small.load("key-1", ACME, L1, POS1, Optional.empty());
        small.load("key-1", ACME, L1, POS2, Optional.empty());
        small.load("key-1", ACME, L2, POS1, Optional.empty());
        assertEquals(3, store.calls.get());
        assertEquals(2, small.size());

        small.load("key-1", ACME, L2, POS1, Optional.empty());
        small.load("key-1", ACME, L1, POS2, Optional.empty());
        assertEquals(3, store.calls.get());
        small.load("key-1", ACME, L1, POS1, Optional.empty());
        assertEquals(4, store.calls.get(), "the first entry was dropped");
        small.load("key-1", ACME, L1, POS2, Optional.empty());
        assertEquals(5, store.calls.get(), "reloading the first dropped the next oldest");
    }

    @Test
    void aClockSteppedBackExpiresTheEntry() {
        load("key-1", L1, POS1, null);
        clock.set(T0.minusSeconds(1));
        load("key-1", L1, POS1, null);
        assertEquals(2, store.calls.get());
    }

    @Test
    void zeroTtlReadsStorageEveryTimeAndClearForgetsEverything() {
        var off = new CachedMerchantAccess(store, clock, Duration.ZERO, 10);
        off.load("key-1", ACME, L1, POS1, Optional.empty());
        off.load("key-1", ACME, L1, POS1, Optional.empty());
        assertEquals(2, store.calls.get());
        assertEquals(0, off.size());

        load("key-1", L1, POS1, null);
        load("key-1", L1, POS2, null);
        cache.clear();
        assertEquals(0, cache.size());
        load("key-1", L1, POS1, null);
        assertEquals(5, store.calls.get());

        assertThrows(IllegalArgumentException.class, () -> new CachedMerchantAccess(store, clock, Duration.ofSeconds(-1), 1));
        assertThrows(IllegalArgumentException.class, () -> new CachedMerchantAccess(store, clock, TTL, 0));
    }

    /** A load that began before a revocation and finished after a newer load must not replace the newer entry. */
    @Test
    void anOlderLoadFinishingLateDoesNotReplaceANewerEntry() throws Exception {
        pool = Executors.newSingleThreadExecutor();
        CountDownLatch inStore = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        store.pauseNextLoad(inStore, release);
        Future<LoadMerchantAccessPort.MerchantAccess> slow = pool.submit(() -> load("key-1", L1, POS1, null));
        assertTrue(inStore.await(10, TimeUnit.SECONDS));

        clock.advance(Duration.ofSeconds(1));
        store.key(store.keys.get("key-1").revoke(clock.instant()));
        assertFalse(load("key-1", L1, POS1, null).apiKey().orElseThrow().isActive());
        release.countDown();
        assertTrue(slow.get(10, TimeUnit.SECONDS).apiKey().orElseThrow().isActive(), "it read before the revocation");

        assertFalse(load("key-1", L1, POS1, null).apiKey().orElseThrow().isActive(), "the newer entry was kept");
        assertEquals(2, store.calls.get());
    }

    @Test
    void concurrentCallersEachGetTheirOwnRecordsAndShareTheEntries() throws Exception {
        List<TerminalId> terminals = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            TerminalId t = new TerminalId("t-" + i);
            store.terminal(new Terminal(ACME, L1, t, null));
            terminals.add(t);
        }
        int threads = 8;
        hammer(cache, terminals, threads, 200, 1_000);

        assertTrue(store.calls.get() >= 40 && store.calls.get() <= threads * 40,
                "each thread reads a terminal at most once before finding it cached: " + store.calls.get());
        int before = store.calls.get();
        for (TerminalId t : terminals) {
            assertEquals(t, load("key-1", L1, t, null).terminal().orElseThrow().id());
        }
        assertEquals(before, store.calls.get(), "every entry is held");
        assertEquals(40, cache.size());
    }

    @Test
    void concurrentCallersBeyondTheBoundNeverGrowTheCache() throws Exception {
        List<TerminalId> terminals = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            TerminalId t = new TerminalId("t-" + i);
            store.terminal(new Terminal(ACME, L1, t, null));
            terminals.add(t);
        }
        var small = new CachedMerchantAccess(store, clock, TTL, 10);
        hammer(small, terminals, 8, 100, 10);
        assertTrue(small.size() <= 10);
    }

    private void hammer(CachedMerchantAccess target, List<TerminalId> terminals, int threads, int rounds, int bound)
            throws Exception {
        pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        for (int n = 0; n < threads; n++) {
            int offset = n * 5;
            done.add(pool.submit(() -> {
                start.await();
                for (int r = 0; r < rounds; r++) {
                    for (int i = 0; i < terminals.size(); i++) {
                        TerminalId t = terminals.get((i + offset) % terminals.size());
                        var found = target.load("key-1", ACME, L1, t, Optional.empty());
                        if (!found.terminal().orElseThrow().id().equals(t)) {
                            throw new AssertionError("asked for " + t + ", got " + found.terminal());
                        }
                        if (target.size() > bound) {
                            throw new AssertionError("cache grew to " + target.size());
                        }
                    }
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : done) {
            f.get(60, TimeUnit.SECONDS);
        }
    }

    /** Storage as a map per record type, counting loads; one load can be made to wait. */
    private static final class FakeStore implements LoadMerchantAccessPort {
        final Map<String, ApiKey> keys = new ConcurrentHashMap<>();
        final Map<BrandId, Brand> brands = new ConcurrentHashMap<>();
        final Map<String, Location> locations = new ConcurrentHashMap<>();
        final Map<String, Terminal> terminals = new ConcurrentHashMap<>();
        final Map<String, Employee> employees = new ConcurrentHashMap<>();
        final AtomicInteger calls = new AtomicInteger();
        private volatile CountDownLatch[] pause;

        void key(ApiKey k) {
            keys.put(k.keyId(), k);
        }

        void brand(Brand b) {
            brands.put(b.id(), b);
        }

        void location(Location l) {
            locations.put(l.id().value(), l);
        }

        void terminal(Terminal t) {
            terminals.put(t.location().value() + "/" + t.id().value(), t);
        }

        void employee(Employee e) {
            employees.put(e.location().value() + "/" + e.id().value(), e);
        }

        void pauseNextLoad(CountDownLatch entered, CountDownLatch release) {
            pause = new CountDownLatch[] {entered, release};
        }

        @Override
        public MerchantAccess load(String apiKeyId, BrandId brand, LocationId location, TerminalId terminal,
                                   Optional<EmployeeId> employee) {
            calls.incrementAndGet();
            var found = new MerchantAccess(Optional.ofNullable(keys.get(apiKeyId)), Optional.ofNullable(brands.get(brand)),
                    Optional.ofNullable(locations.get(location.value())).filter(l -> l.brand().equals(brand)),
                    Optional.ofNullable(terminals.get(location.value() + "/" + terminal.value()))
                            .filter(t -> t.brand().equals(brand)),
                    employee.map(e -> employees.get(location.value() + "/" + e.value())).filter(e -> e.brand().equals(brand)));
            CountDownLatch[] p = pause;
            if (p != null) {
                pause = null;
                p[0].countDown();
                try {
                    if (!p[1].await(10, TimeUnit.SECONDS)) {
                        throw new IllegalStateException("never released");
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
            return found;
        }
    }
}
