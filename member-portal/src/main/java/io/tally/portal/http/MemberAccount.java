package io.tally.portal.http;

import io.tally.domain.account.MemberAccountUseCase;
import io.tally.domain.account.MemberSessionsPort;
import io.tally.domain.account.MemberSignInUseCase;
import java.util.Objects;

/** What the member account pages need from the domain: signing in, the account's reads and edits, ended sessions. */
public record MemberAccount(MemberSignInUseCase signIn, MemberAccountUseCase account, MemberSessionsPort sessions) {
    public MemberAccount {
        Objects.requireNonNull(signIn, "signIn");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(sessions, "sessions");
    }
}
