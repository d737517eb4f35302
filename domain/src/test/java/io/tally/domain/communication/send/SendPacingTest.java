package io.tally.domain.communication.send;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The fan-out's pacing: pages of 100 spaced so that page k starts ceil(k × 100 / rate) seconds after the first. */
class SendPacingTest {
    @Test
    void the_delays_add_up_to_the_configured_rate_at_every_rate_never_ahead_of_it() {
        for (int rate : new int[] {1, 7, 14, 50, 99, 100, 101, 250, 1000, 10_000}) {
            long elapsed = 0;
            for (int page = 0; page < 500; page++) {
                elapsed += SendFanoutUseCase.delay(page, 100, rate).toSeconds();
                long due = ((page + 1) * 100L + rate - 1) / rate;
                assertEquals(due, elapsed, "rate " + rate + ", page " + (page + 1) + " starts when due");
            }
        }
    }

    @Test
    void a_rate_above_a_page_a_second_is_not_held_to_a_page_a_second() {
        // 1,000 a second: ten pages a second, so 500 pages take 50 s (rounding each delay up took 500 s: 100 a second)
        long elapsed = 0;
        for (int page = 0; page < 500; page++) {
            elapsed += SendFanoutUseCase.delay(page, 100, 1000).toSeconds();
        }
        assertEquals(50, elapsed);
    }

    @Test
    void no_delay_exceeds_what_sqs_holds() {
        assertTrue(SendFanoutUseCase.delay(0, 100, 1).compareTo(SendPagesQueuePort.MAX_DELAY) <= 0);
        assertEquals(Duration.ofSeconds(100), SendFanoutUseCase.delay(3, 100, 1));
    }
}
