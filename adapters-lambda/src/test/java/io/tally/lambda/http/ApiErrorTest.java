package io.tally.lambda.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tally.domain.shared.Reason;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ApiErrorTest {
    @Test
    void codesAreUniqueAndTheKnownOnesKeepTheirWireValues() {
        assertEquals(ApiError.values().length, Arrays.stream(ApiError.values()).mapToInt(ApiError::code).distinct().count());
        assertEquals(6, ApiError.NO_CARD_NUMBER.code());
        assertEquals("No card number was specified.", ApiError.NO_CARD_NUMBER.message());
        assertEquals(10, ApiError.INVALID_PIN.code());
        assertEquals("Invalid card PIN.", ApiError.INVALID_PIN.message());
        assertEquals("Could not find the specified card.", ApiError.CARD_NOT_FOUND.message());
    }

    @Test
    void everyReasonHasAnErrorOfTheSameName() {
        for (Reason r : Reason.values()) {
            assertEquals(r.name(), ApiError.of(r).name());
        }
    }
}
