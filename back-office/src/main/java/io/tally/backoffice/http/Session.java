package io.tally.backoffice.http;

import io.tally.domain.staff.StaffId;
import io.tally.domain.tenant.BrandId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The browser's back-office session: a random id (what CSRF tokens are bound to) and, once signed in, who signed in
 * and until when. It lives in the signed {@code tally_admin} cookie; nothing is stored on the server. A session alone
 * proves nothing more: every request also reads the staff member, who must still be active.
 */
public record Session(String id, Optional<SignedIn> signedIn) {
    public Session {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(signedIn, "signedIn");
    }

    /** A signed-in staff member of a brand, until {@code expires}. */
    public record SignedIn(BrandId brand, StaffId staff, Instant expires) {
        public SignedIn {
            Objects.requireNonNull(brand, "brand");
            Objects.requireNonNull(staff, "staff");
            Objects.requireNonNull(expires, "expires");
        }
    }
}
