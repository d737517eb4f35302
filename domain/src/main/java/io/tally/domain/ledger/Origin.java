package io.tally.domain.ledger;

import io.tally.domain.tenant.EmployeeId;
import io.tally.domain.tenant.LocationId;
import io.tally.domain.tenant.MerchantContext;
import io.tally.domain.tenant.TerminalId;
import java.util.Objects;
import java.util.Optional;

/**
 * Who asked for an entry and how they refer to it. System entries (the expiry sweeper) have no location
 * or terminal. {@code request} is present when the caller sent a customRequestId.
 */
public record Origin(Optional<LocationId> location, Optional<TerminalId> terminal, Optional<EmployeeId> employee,
                     Optional<String> externalTransactionId, Optional<String> note, Optional<String> requestRef,
                     Optional<RequestKey> request) {
    public Origin {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(terminal, "terminal");
        Objects.requireNonNull(employee, "employee");
        Objects.requireNonNull(externalTransactionId, "externalTransactionId");
        Objects.requireNonNull(note, "note");
        Objects.requireNonNull(requestRef, "requestRef");
        Objects.requireNonNull(request, "request");
    }

    public static Origin system() {
        return new Origin(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty());
    }

    public static Origin of(MerchantContext context, RequestInfo info, String fingerprint) {
        return new Origin(Optional.of(context.location()), Optional.of(context.terminal()), context.employee(),
                info.externalTransactionId(), info.note(), Optional.of(info.requestRef()),
                info.customRequestId().map(id -> new RequestKey(id, fingerprint)));
    }

    /** A caller's customRequestId and the fingerprint of the request it was sent with. */
    public record RequestKey(String customRequestId, String fingerprint) {
        public RequestKey {
            Objects.requireNonNull(customRequestId, "customRequestId");
            Objects.requireNonNull(fingerprint, "fingerprint");
        }
    }
}
