package io.tally.lambda.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RoutesTest {
    @Test
    void the_default_route_gets_only_what_no_other_route_matches() {
        assertEquals("POST /merchant/{method}", Routes.find("POST", "/merchant/listValueType").orElseThrow().routeKey());
        assertEquals("POST /{method}", Routes.find("POST", "/listValueType").orElseThrow().routeKey());
        assertEquals("GET /portal/{brand}/{page}", Routes.find("GET", "/portal/DEMO/balance").orElseThrow().routeKey());
        assertEquals("GET " + Routes.OPENAPI_PATH, Routes.find("GET", "/merchant/openapi.yaml").orElseThrow().routeKey());
        for (String[] unmatched : new String[][] {{"GET", "/"}, {"GET", "/merchant/listValueType"}, {"POST", "/merchant/a/b"},
                {"DELETE", "/listValueType"}, {"GET", "/portal/DEMO/a/b"}}) {
            Route route = Routes.find(unmatched[0], unmatched[1]).orElseThrow();
            assertEquals(Route.DEFAULT_KEY, route.routeKey(), String.join(" ", unmatched));
            assertEquals(FunctionId.MERCHANT_API, route.function());
        }
    }

    @Test
    void there_is_one_default_route_and_only_it_takes_any_method() {
        assertEquals(1, Routes.ALL.stream().filter(Route::isFallback).count());
        assertTrue(Route.fallback(FunctionId.PORTAL).matchesPath("/anything/at/all"));
        assertThrows(IllegalArgumentException.class, () -> new Route("ANY", "/merchant/{method}", FunctionId.MERCHANT_API));
        assertThrows(IllegalArgumentException.class, () -> new Route("GET", Route.DEFAULT_KEY, FunctionId.MERCHANT_API));
    }
}
