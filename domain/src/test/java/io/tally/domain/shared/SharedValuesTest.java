package io.tally.domain.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SharedValuesTest {
    @Test
    void decimalAmountsConvertExactlyOrNotAtAll() {
        assertEquals(Optional.of(1099L), DecimalAmounts.toMinor(new BigDecimal("10.99"), 2));
        assertEquals(Optional.of(1000L), DecimalAmounts.toMinor(new BigDecimal("10"), 2));
        assertEquals(Optional.of(1090L), DecimalAmounts.toMinor("10.9", 2));
        assertEquals(Optional.empty(), DecimalAmounts.toMinor(new BigDecimal("10.999"), 2), "no silent rounding");
        assertEquals(Optional.empty(), DecimalAmounts.toMinor(new BigDecimal("-1"), 2));
        assertEquals(Optional.empty(), DecimalAmounts.toMinor(new BigDecimal("1e30"), 2));
        assertEquals(Optional.empty(), DecimalAmounts.toMinor("1e3", 2));
        assertEquals(Optional.empty(), DecimalAmounts.toMinor("NaN", 2));
        assertEquals(new BigDecimal("10.99"), DecimalAmounts.toDecimal(1099, 2));
    }

    @Test
    void secretsAndPinsVerifyOnlyAgainstTheirOwnHash() {
        String h = SecretHasher.hashSecret("abc", new byte[] {1, 2, 3});
        assertTrue(SecretHasher.matches("abc", h));
        assertFalse(SecretHasher.matches("abd", h));
        assertNotEquals(h, SecretHasher.hashSecret("abc", new byte[] {1, 2, 4}), "salted");
        String p = SecretHasher.hashPin("1234", new byte[16]);
        assertTrue(p.startsWith("pbkdf2$"));
        assertTrue(SecretHasher.matches("1234", p));
        assertFalse(SecretHasher.matches("1235", p));
        assertFalse(SecretHasher.matches("1234", "garbage"));
        assertFalse(SecretHasher.matches(null, p));
    }

    @Test
    void identifiersAreSafeForKeysAndPaths() {
        assertTrue(Identifiers.isValid("ACME001"));
        assertTrue(Identifiers.isValid("pos-1"));
        assertFalse(Identifiers.isValid("has#hash"));
        assertFalse(Identifiers.isValid(""));
        assertFalse(Identifiers.isValid("a".repeat(65)));
    }
}
