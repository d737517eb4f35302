package io.tally.domain.report.export;

import io.tally.domain.shared.SignedTokens;
import io.tally.domain.tenant.BrandId;
import java.time.Instant;
import java.util.Optional;

/**
 * The signed, expiring token of a report's download link ({@code …/reports/<id>/download?t=<token>}): it names the
 * brand and the report and expires with the report's lifetime. The link also needs a signed-in staff member who may
 * see the report, so a forwarded e-mail opens nothing for anyone else.
 */
public final class ReportLinks {
    private static final String PURPOSE = "report-download";
    private final SignedTokens tokens;

    public ReportLinks(SignedTokens tokens) {
        this.tokens = tokens;
    }

    public String token(BrandId brand, ReportId id, Instant expires) {
        return tokens.sign(PURPOSE, brand.value() + "/" + id.value(), expires);
    }

    /** Whether {@code token} is intact, for this report, and unexpired at {@code now}. */
    public boolean valid(String token, BrandId brand, ReportId id, Instant now) {
        Optional<String> payload = tokens.verify(PURPOSE, token, now);
        return payload.isPresent() && payload.get().equals(brand.value() + "/" + id.value());
    }
}
