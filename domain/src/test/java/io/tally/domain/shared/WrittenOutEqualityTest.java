package io.tally.domain.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tally.domain.ledger.Bucket;
import io.tally.domain.ledger.Hold;
import io.tally.domain.ledger.LedgerId;
import io.tally.domain.ledger.TransactionId;
import io.tally.domain.program.BalanceType;
import io.tally.domain.program.ProgramId;
import io.tally.domain.program.ValueTypeKey;
import io.tally.domain.tenant.BrandId;
import io.tally.domain.tenant.LocationId;
import io.tally.domain.tenant.TerminalId;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The records whose {@code equals} and {@code hashCode} are written out instead of generated (a cold start would
 * otherwise bootstrap {@code java.lang.runtime.ObjectMethods} for them: docs/PERFORMANCE.md, "Records written out")
 * keep a record's contract: equal exactly when every component is equal, and equal records hash alike. Each case
 * gives two sets of component values, every component different; the test builds the first, a copy of it, and for
 * each component the first with that one component taken from the second. Their hash codes are the generated ones'
 * (each component's, folded by 31 from 0), checked against a record of the same components that keeps the generated
 * methods, so hash map orders are as they were.
 */
class WrittenOutEqualityTest {
    private static final Instant T1 = Instant.parse("2026-12-01T10:00:00Z");
    private static final Instant T2 = Instant.parse("2026-12-02T10:00:00Z");
    private static final TransactionId TX1 = new TransactionId("101");
    private static final TransactionId TX2 = new TransactionId("202");

    /** Records of the same components as those under test, whose methods are generated. */
    record Generated1(String value) {
    }

    record Generated2(BalanceType type, String code) {
    }

    record GeneratedHold(TransactionId id, long sequence, long amount, long remaining, Instant expiresAt) {
    }

    record GeneratedBucket(TransactionId source, long issued, long remaining, Optional<Instant> expiresAt,
                           boolean returnRelated) {
    }

    static Stream<Arguments> records() {
        return Stream.of(
                Arguments.of(BrandId.class, List.of("COFFEE"), List.of("BAKERY")),
                Arguments.of(ProgramId.class, List.of("GIFT"), List.of("LOYALTY")),
                Arguments.of(LocationId.class, List.of("L1"), List.of("L2")),
                Arguments.of(TerminalId.class, List.of("T1"), List.of("T2")),
                Arguments.of(TransactionId.class, List.of("101"), List.of("202")),
                Arguments.of(LedgerId.class, List.of("0000000001"), List.of("0000000002")),
                Arguments.of(ValueTypeKey.class, List.of(BalanceType.CURRENCY, "USD"), List.of(BalanceType.CUSTOM, "EUR")),
                Arguments.of(Hold.class, List.of(TX1, 1L, 10L, 5L, T1), List.of(TX2, 2L, 11L, 6L, T2)),
                Arguments.of(Bucket.class, List.of(TX1, 10L, 5L, Optional.of(T1), false),
                        List.of(TX2, 11L, 6L, Optional.empty(), true)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("records")
    void equalExactlyWhenEveryComponentIsEqual(Class<? extends Record> type, List<Object> first, List<Object> second)
            throws Exception {
        assertTrue(declares(type, "equals", Object.class) && declares(type, "hashCode"),
                type.getSimpleName() + " no longer writes them out: take it out of this test and the note in PERFORMANCE.md");
        Record a = make(type, first);
        Record copy = make(type, first);
        assertEquals(a, copy);
        assertEquals(a.hashCode(), copy.hashCode());
        assertEquals(generated(type, first).hashCode(), a.hashCode(), "the generated hash code");
        assertNotEquals(null, a);
        assertNotEquals(a, first.get(0), "another type is never equal");
        for (int i = 0; i < first.size(); i++) {
            Object[] values = first.toArray();
            values[i] = second.get(i);
            Record variant = make(type, Arrays.asList(values));
            assertNotEquals(a, variant, type.getSimpleName() + " differing in component " + i);
            assertNotEquals(variant, a);
        }
    }

    @Test
    void aValueTypeWithoutCodeEqualsItsLikeAndCurrencyCodesAreCaseFree() {
        ValueTypeKey points = new ValueTypeKey(BalanceType.POINTS, null);
        assertEquals(points, new ValueTypeKey(BalanceType.POINTS, "ignored"));
        assertEquals(points.hashCode(), new ValueTypeKey(BalanceType.POINTS, null).hashCode());
        assertNotEquals(points, new ValueTypeKey(BalanceType.PUNCHES, null));
        assertEquals(new ValueTypeKey(BalanceType.CURRENCY, "usd"), new ValueTypeKey(BalanceType.CURRENCY, "USD"));
    }

    private static Record generated(Class<? extends Record> type, List<Object> values) throws Exception {
        Class<? extends Record> shape = switch (values.size()) {
            case 1 -> Generated1.class;
            case 2 -> Generated2.class;
            default -> type == Hold.class ? GeneratedHold.class : GeneratedBucket.class;
        };
        return make(shape, values);
    }

    private static boolean declares(Class<?> type, String name, Class<?>... parameters) {
        try {
            Method m = type.getDeclaredMethod(name, parameters);
            return m.getDeclaringClass() == type;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    private static Record make(Class<? extends Record> type, List<Object> values) throws Exception {
        RecordComponent[] components = type.getRecordComponents();
        Class<?>[] types = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
        Constructor<? extends Record> constructor = type.getDeclaredConstructor(types);
        return constructor.newInstance(values.toArray());
    }
}
