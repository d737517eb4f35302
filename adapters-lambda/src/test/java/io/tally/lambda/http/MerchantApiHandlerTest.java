package io.tally.lambda.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tally.domain.tenant.BrandId;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The Lambda constructor reads its catalogue ahead only for the brand the stack names, and only a well-formed one. */
class MerchantApiHandlerTest {
    @Test
    void the_function_brand_is_the_stacks_tally_brand_when_well_formed() {
        assertEquals(Optional.of(new BrandId("ACME")), MerchantApiHandler.functionBrand(Map.of("TALLY_BRAND", "ACME")));
        assertEquals(Optional.empty(), MerchantApiHandler.functionBrand(Map.of()));
        assertEquals(Optional.empty(), MerchantApiHandler.functionBrand(Map.of("TALLY_BRAND", "")));
        assertEquals(Optional.empty(), MerchantApiHandler.functionBrand(Map.of("TALLY_BRAND", "no spaces/or slashes")));
    }
}
