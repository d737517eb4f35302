package io.tally.portal.http;

import io.tally.domain.shared.RandomSource;
import io.tally.domain.shared.SignedTokens;

/** Builds the portal's session and header policy (the wiring sees no package-private types). */
public record PortalSecurityFactory(SignedTokens tokens, RandomSource random, boolean local) {
    PortalSecurity create() {
        return new PortalSecurity(tokens, random, local);
    }
}
