package io.tally.sqs.wiring;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SecureRandomSourceTest {
    @Test
    void the_generator_is_created_on_the_first_draw_not_before() {
        SecureRandomSource random = new SecureRandomSource();
        assertFalse(random.created(), "nothing random may exist during init (SnapStart would clone it)");

        random.nextBytes(new byte[8]);

        assertTrue(random.created());
    }

    @Test
    void a_forgotten_generator_is_created_afresh_on_the_next_draw() {
        SecureRandomSource random = new SecureRandomSource();
        random.nextBytes(new byte[8]);

        random.forget();
        assertFalse(random.created());
        random.nextBytes(new byte[8]);

        assertTrue(random.created());
    }
}
