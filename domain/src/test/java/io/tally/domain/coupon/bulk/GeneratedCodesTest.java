package io.tally.domain.coupon.bulk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tally.domain.coupon.CouponCode;
import io.tally.domain.fakes.SeededRandom;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GeneratedCodesTest {
    private final String secret = GeneratedCodes.newSecret(new SeededRandom(11));

    @Test
    void the_same_secret_chunk_and_index_make_the_same_code() {
        GeneratedCodes a = new GeneratedCodes(secret, "SUM-");
        GeneratedCodes b = new GeneratedCodes(secret, "SUM-");

        assertEquals(a.code(3, 17), b.code(3, 17));
        assertNotEquals(a.code(3, 17), a.code(17, 3));
        assertNotEquals(a.code(3, 17), new GeneratedCodes(GeneratedCodes.newSecret(new SeededRandom(12)), "SUM-").code(3, 17));
    }

    @Test
    void codes_are_the_prefix_and_twelve_unambiguous_characters() {
        GeneratedCodes codes = new GeneratedCodes(secret, "X9_");
        for (int i = 0; i < 1_000; i++) {
            String code = codes.code(0, i).value();
            assertTrue(code.startsWith("X9_"));
            assertEquals(3 + GeneratedCodes.LENGTH, code.length());
            assertTrue(code.substring(3).chars().allMatch(c -> GeneratedCodes.ALPHABET.indexOf(c) >= 0), code);
        }
        assertFalse(GeneratedCodes.ALPHABET.matches(".*[01OI].*"));
        assertEquals(32, GeneratedCodes.ALPHABET.chars().distinct().count());
    }

    @Test
    void a_hundred_thousand_codes_do_not_collide() {
        GeneratedCodes codes = new GeneratedCodes(secret, "");
        Set<CouponCode> seen = new HashSet<>();
        for (int chunk = 0; chunk < 100; chunk++) {
            for (int i = 0; i < LoadChunk.GENERATED; i++) {
                assertTrue(seen.add(codes.code(chunk, i)));
            }
        }
    }

    @Test
    void prefixes_are_checked() {
        assertTrue(GeneratedCodes.validPrefix(""));
        assertTrue(GeneratedCodes.validPrefix("SUMMER-25_"));
        assertFalse(GeneratedCodes.validPrefix("-X"));
        assertFalse(GeneratedCodes.validPrefix("abc"));
        assertFalse(GeneratedCodes.validPrefix("A".repeat(53)));
    }
}
