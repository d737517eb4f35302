package io.tally.backoffice.wiring;

import dagger.Module;
import dagger.Provides;
import dagger.multibindings.IntoSet;
import io.tally.backoffice.actions.AuditPage;
import io.tally.backoffice.actions.CardActionPages;
import io.tally.backoffice.http.OfficeArea;
import io.tally.backoffice.pages.ChallengeTokens;
import io.tally.backoffice.pages.HomePage;
import io.tally.backoffice.pages.SignInPages;
import io.tally.domain.audit.AuditLogPort;
import io.tally.domain.backoffice.AuditQueryUseCase;
import io.tally.domain.shared.RandomSource;
import io.tally.domain.shared.SignedTokens;
import io.tally.domain.staff.StaffIdentityPort;
import io.tally.domain.staff.StaffPort;
import io.tally.domain.staff.StaffSignIn;
import io.tally.dynamo.store.DynamoStorage;
import java.time.Clock;

/**
 * The back office's sections: one {@code @Provides @IntoSet} method per {@link OfficeArea}. Add yours here (see
 * back-office/README.md); build its use cases from the ports {@link OfficeModule} provides.
 */
@Module
final class OfficeAreasModule {
    private OfficeAreasModule() {
    }

    @Provides
    @IntoSet
    static OfficeArea cardActions(DynamoStorage storage, SignedTokens tokens, RandomSource random, Clock clock) {
        return new CardActionPages(ActionsWiring.cardActions(storage, tokens, random, clock), random);
    }

    @Provides
    @IntoSet
    static OfficeArea audit(AuditLogPort audit, StaffPort staff) {
        return new AuditPage(new AuditQueryUseCase(audit), staff);
    }

    @Provides
    @IntoSet
    static OfficeArea home() {
        return new HomePage();
    }

    @Provides
    @IntoSet
    static OfficeArea signIn(StaffSignIn signIn, StaffIdentityPort identity, ChallengeTokens challenges) {
        return new SignInPages(signIn, identity, challenges);
    }

}
