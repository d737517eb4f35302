package io.tally.local.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ApiGatewayEventsTest {

    @Test
    void queryParametersAreDecodedAndRepeatsJoinedWithCommas() {
        assertEquals(Map.of("a", "1,2", "b", "x y", "flag", ""), ApiGatewayEvents.queryParameters("a=1&b=x+y&a=2&flag"));
        assertNull(ApiGatewayEvents.queryParameters(""));
        assertNull(ApiGatewayEvents.queryParameters(null));
        assertEquals(Map.of("bad", "%zz"), ApiGatewayEvents.queryParameters("bad=%zz"));
    }

    @Test
    void cookieHeadersSplitIntoOneEntryPerCookie() {
        assertEquals(List.of("a=1", "b=2", "c=3"), ApiGatewayEvents.cookies(List.of("a=1; b=2", "c=3")));
        assertTrue(ApiGatewayEvents.cookies(null).isEmpty());
    }

    @Test
    void onlyTextualContentTypesStayText() {
        for (String text : List.of("application/json", "application/json; charset=utf-8", "text/html", "application/problem+json",
                "application/xml", "application/javascript")) {
            assertTrue(ApiGatewayEvents.isTextual(text), text);
        }
        for (String binary : List.of("application/octet-stream", "image/png", "application/x-www-form-urlencoded",
                "multipart/form-data; boundary=x")) {
            assertFalse(ApiGatewayEvents.isTextual(binary), binary);
        }
        assertFalse(ApiGatewayEvents.isTextual(null));
    }

    @Test
    void pathParametersComeFromTheTemplate() {
        assertEquals(Map.of("method", "get balance"), PathParameters.of("/merchant/{method}", "/merchant/get%20balance"));
        assertEquals(Map.of("id", "7", "proxy", "a/b+c"), PathParameters.of("/cards/{id}/{proxy+}", "/cards/7/a/b+c"));
        assertNull(PathParameters.of("/health", "/health"));
    }
}
