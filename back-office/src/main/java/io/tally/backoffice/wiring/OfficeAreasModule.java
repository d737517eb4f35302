package io.tally.backoffice.wiring;

import dagger.Module;
import dagger.Provides;
import dagger.multibindings.IntoSet;
import io.tally.backoffice.http.OfficeArea;
import io.tally.backoffice.pages.ChallengeTokens;
import io.tally.backoffice.pages.HomePage;
import io.tally.backoffice.pages.SignInPages;
import io.tally.backoffice.pages.StaffPages;
import io.tally.backoffice.pages.TotpPages;
import io.tally.backoffice.search.CustomerServicePages;
import io.tally.domain.backoffice.CustomerServiceUseCase;
import io.tally.domain.staff.StaffIdentityPort;
import io.tally.domain.staff.StaffSignIn;
import io.tally.domain.staff.StaffUseCase;
import io.tally.domain.tenant.LocationsPort;
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
    static OfficeArea home() {
        return new HomePage();
    }

    @Provides
    @IntoSet
    static OfficeArea signIn(StaffSignIn signIn, StaffIdentityPort identity, ChallengeTokens challenges) {
        return new SignInPages(signIn, identity, challenges);
    }

    @Provides
    @IntoSet
    static OfficeArea totp(StaffSignIn signIn, StaffIdentityPort identity, ChallengeTokens challenges) {
        return new TotpPages(signIn, identity, challenges);
    }

    @Provides
    @IntoSet
    static OfficeArea staff(StaffUseCase staff, LocationsPort locations) {
        return new StaffPages(staff, locations);
    }

    @Provides
    @IntoSet
    static OfficeArea customerService(DynamoStorage storage, LocationsPort locations, Clock clock) {
        return new CustomerServicePages(new CustomerServiceUseCase(storage.cards(), storage.cardLedger(), storage.coupons(),
                storage.cardLocations(), storage.activityLog(), clock), storage.programs(), locations, clock);
    }
}
