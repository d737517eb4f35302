package io.tally.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tally.domain.email.RenderedEmail;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CapturedMailTest {
    @Test
    void generated_addresses_parse_to_their_index_and_nothing_else_does() {
        assertEquals(6_000_000_123L, CapturedMail.index(Generated.email(6_000_000_123L)));
        assertEquals(0, CapturedMail.index("c0@bench.example"));
        assertEquals(-1, CapturedMail.index("c@bench.example"));
        assertEquals(-1, CapturedMail.index("cx1@bench.example"));
        assertEquals(-1, CapturedMail.index("c1@other.example"));
        assertEquals(-1, CapturedMail.index("d1@bench.example"));
        assertEquals(-1, CapturedMail.index(null));
    }

    @Test
    void counts_each_recipient_duplicates_missing_and_other_addresses() {
        CapturedMail captured = new CapturedMail(100, 4);
        captured.send(mail(Generated.email(100)));
        captured.send(mail(Generated.email(101)));
        captured.send(mail(Generated.email(101)));
        captured.send(mail(Generated.email(104))); // just past the range: counted apart
        captured.send(mail("someone@else.example"));
        captured.send(mail("someone@else.example"));
        assertEquals(6, captured.total());
        assertEquals(4, captured.distinct(), "100, 101, 104, someone");
        assertEquals(2, captured.duplicated(), "101 and someone");
        assertEquals(2, captured.missing(), "102 and 103");
    }

    private static RenderedEmail mail(String to) {
        return new RenderedEmail("from@bench.example", "Bench", to, "Hi", "text", "<p>html</p>", Map.of());
    }
}
