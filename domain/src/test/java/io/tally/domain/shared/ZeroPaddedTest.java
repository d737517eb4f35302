package io.tally.domain.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Locale;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class ZeroPaddedTest {
    @Property
    void writes_what_string_format_writes(@ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long value,
                                          @ForAll @IntRange(min = 1, max = 25) int width) {
        assertEquals(String.format(Locale.ROOT, "%0" + width + "d", value), ZeroPadded.of(value, width));
    }

    @Test
    void edges() {
        assertEquals("0000000000000000", ZeroPadded.of(0, 16));
        assertEquals("9223372036854775807", ZeroPadded.of(Long.MAX_VALUE, 19));
        assertEquals("123456", ZeroPadded.of(123456, 3));
        assertThrows(IllegalArgumentException.class, () -> ZeroPadded.of(-1, 5));
    }
}
