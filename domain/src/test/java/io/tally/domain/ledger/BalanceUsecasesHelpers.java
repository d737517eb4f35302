package io.tally.domain.ledger;

import java.time.Duration;

final class BalanceUsecasesHelpers {
    private BalanceUsecasesHelpers() {
    }

    static Duration days(long n) {
        return Duration.ofDays(n);
    }
}
