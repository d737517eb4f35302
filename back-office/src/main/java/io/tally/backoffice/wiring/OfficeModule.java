package io.tally.backoffice.wiring;

import dagger.Module;
import dagger.Provides;
import io.tally.backoffice.cognito.CognitoStaffIdentity;
import io.tally.backoffice.http.OfficeApp;
import io.tally.backoffice.http.OfficeArea;
import io.tally.backoffice.http.OfficeSecurity;
import io.tally.backoffice.pages.ChallengeTokens;
import io.tally.domain.audit.AuditLogPort;
import io.tally.domain.shared.RandomSource;
import io.tally.domain.shared.SignedTokens;
import io.tally.domain.staff.StaffIdentityPort;
import io.tally.domain.staff.StaffPort;
import io.tally.domain.staff.StaffScopes;
import io.tally.domain.staff.StaffSignIn;
import io.tally.domain.staff.StaffUseCase;
import io.tally.domain.tenant.LocationsPort;
import io.tally.dynamo.store.DynamoStorage;
import io.tally.sqs.wiring.ContainerSettings;
import java.time.Clock;
import java.util.Set;
import javax.inject.Singleton;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Ports and use cases of the back office. Plain constructors, no reflection. The clock, random source, AWS credentials,
 * DynamoDB and SQS clients, event publisher and e-mail outbox come from the shared {@code QueuesModule} (adapters-sqs).
 */
@Module
final class OfficeModule {
    private OfficeModule() {
    }

    /** The shared plumbing's view of this container's configuration (QueuesModule, ContainerModule). */
    @Provides
    static ContainerSettings container(OfficeSettings settings) {
        return settings.container();
    }

    @Provides
    @Singleton
    static DynamoStorage storage(DynamoDbClient dynamo, OfficeSettings settings) {
        return new DynamoStorage(dynamo, settings.tableName());
    }

    @Provides
    @Singleton
    static StaffIdentityPort identity(OfficeSettings settings, AwsCredentialsProvider credentials) {
        var builder = CognitoIdentityProviderClient.builder().httpClient(UrlConnectionHttpClient.create())
                .region(Region.of(settings.region())).credentialsProvider(credentials);
        settings.cognitoEndpoint().ifPresent(builder::endpointOverride);
        return new CognitoStaffIdentity(builder.build(), settings.userPoolId(), settings.clientId());
    }

    @Provides
    @Singleton
    static StaffPort staffStore(DynamoStorage storage) {
        return storage.staff();
    }

    @Provides
    @Singleton
    static LocationsPort locations(DynamoStorage storage) {
        return storage.locations();
    }

    @Provides
    @Singleton
    static AuditLogPort audit(DynamoStorage storage) {
        return storage.auditLog();
    }

    @Provides
    @Singleton
    static SignedTokens tokens(OfficeSettings settings) {
        return SignedTokens.fromText(settings.requireSigningSecret());
    }

    @Provides
    @Singleton
    static ChallengeTokens challenges(SignedTokens tokens, Clock clock) {
        return new ChallengeTokens(tokens, clock);
    }

    @Provides
    @Singleton
    static StaffSignIn signIn(StaffIdentityPort identity, StaffPort staff) {
        return new StaffSignIn(identity, staff);
    }

    @Provides
    @Singleton
    static StaffUseCase staff(StaffPort staff, StaffIdentityPort identity, LocationsPort locations, AuditLogPort audit,
                              RandomSource random, Clock clock) {
        return new StaffUseCase(staff, identity, locations, audit, random, clock);
    }

    @Provides
    @Singleton
    static OfficeApp office(Set<OfficeArea> areas, StaffPort staff, LocationsPort locations, SignedTokens tokens,
                            RandomSource random, Clock clock, OfficeSettings settings) {
        return new OfficeApp(areas, new StaffScopes(staff, locations),
                new OfficeSecurity(tokens, random, clock, settings.local()));
    }
}
