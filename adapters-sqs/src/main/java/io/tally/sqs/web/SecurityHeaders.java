package io.tally.sqs.web;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The security headers of every answer of a page front: its content security policy, no sniffing, no framing, no
 * referrer, no powerful features, its own browsing context group, nothing cached, and HSTS outside local runs (local
 * runs are plain http on 127.0.0.1).
 */
public final class SecurityHeaders {
    private SecurityHeaders() {
    }

    /** A new, mutable map (the caller may add {@code location} or {@code cache-control}). */
    public static Map<String, String> of(String contentType, String contentSecurityPolicy, boolean local) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("content-type", contentType);
        h.put("content-security-policy", contentSecurityPolicy);
        h.put("x-content-type-options", "nosniff");
        h.put("x-frame-options", "DENY");
        h.put("referrer-policy", "no-referrer");
        h.put("permissions-policy", "camera=(), microphone=(), geolocation=(), payment=()");
        h.put("cross-origin-opener-policy", "same-origin");
        h.put("cache-control", "no-store");
        if (!local) {
            h.put("strict-transport-security", "max-age=31536000; includeSubDomains");
        }
        return h;
    }
}
