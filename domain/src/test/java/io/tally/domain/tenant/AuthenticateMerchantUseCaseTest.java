package io.tally.domain.tenant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tally.domain.fakes.InMemoryConfigStore;
import io.tally.domain.shared.Outcome;
import io.tally.domain.shared.Reason;
import io.tally.domain.shared.SecretHasher;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AuthenticateMerchantUseCaseTest {
    private static final String SECRET = "s3cr3t-s3cr3t-s3cr3t";
    private final InMemoryConfigStore store = new InMemoryConfigStore();
    private final AuthenticateMerchantUseCase auth = new AuthenticateMerchantUseCase(store);

    @BeforeEach
    void brands() {
        for (String b : new String[] {"ACME", "OTHER"}) {
            BrandId brand = new BrandId(b);
            store.saveBrand(new Brand(brand, b, false));
            store.saveLocation(new Location(brand, new LocationId(b + "001"), new LocationGroupId("ALL"), null));
            store.saveTerminal(new Terminal(brand, new LocationId(b + "001"), new TerminalId("pos-1"), null));
            store.saveEmployee(new Employee(brand, new LocationId(b + "001"), new EmployeeId("emp1"), null,
                    SecretHasher.hashPin("1234", new byte[16])));
            store.createApiKey(new ApiKey("key-" + b, brand, "", SecretHasher.hashSecret(SECRET, new byte[16]),
                    Instant.EPOCH, null));
        }
    }

    private static MerchantCredentials creds(String key, String secret, String brand, String location, String terminal) {
        return new MerchantCredentials(key, secret, brand, location, terminal, null, null);
    }

    private static Reason reason(Outcome<?> o) {
        return ((Outcome.Rejected<?>) o).rejection().reason();
    }

    @Test
    void acceptsAKeyWithItsBrandLocationAndTerminal() {
        var outcome = auth.authenticate(creds("key-ACME", SECRET, "ACME", "ACME001", "pos-1"));
        assertTrue(outcome.isAccepted());
        assertEquals(new MerchantContext(new BrandId("ACME"), new LocationId("ACME001"), new TerminalId("pos-1"),
                Optional.empty(), "key-ACME", Optional.of(new LocationGroupId("ALL"))), outcome.value(),
                "the context names the location's group too (campaign conditions)");
    }

    @Test
    void wrongSecretUnknownKeyAndRevokedKeyLookTheSame() {
        assertEquals(Reason.UNAUTHENTICATED, reason(auth.authenticate(creds("key-ACME", "wrong", "ACME", "ACME001", "pos-1"))));
        assertEquals(Reason.UNAUTHENTICATED, reason(auth.authenticate(creds("nokey", SECRET, "ACME", "ACME001", "pos-1"))));
        assertEquals(Reason.UNAUTHENTICATED, reason(auth.authenticate(creds(null, null, "ACME", "ACME001", "pos-1"))));
        var revoked = store.apiKey("key-ACME").orElseThrow().revoke(Instant.EPOCH.plusSeconds(1));
        var other = new InMemoryConfigStore();
        other.saveBrand(new Brand(new BrandId("ACME"), "ACME", false));
        other.createApiKey(revoked);
        assertEquals(Reason.UNAUTHENTICATED, reason(new AuthenticateMerchantUseCase(other)
                .authenticate(creds("key-ACME", SECRET, "ACME", "ACME001", "pos-1"))));
    }

    @Test
    void aKeyActsForItsOwnBrandOnly() {
        assertEquals(Reason.BRAND_MISMATCH, reason(auth.authenticate(creds("key-ACME", SECRET, "OTHER", "OTHER001", "pos-1"))));
        assertEquals(Reason.UNKNOWN_LOCATION, reason(auth.authenticate(creds("key-ACME", SECRET, "ACME", "OTHER001", "pos-1"))));
    }

    @Test
    void locationAndTerminalMustExistInTheBrand() {
        assertEquals(Reason.UNKNOWN_LOCATION, reason(auth.authenticate(creds("key-ACME", SECRET, "ACME", "NOPE", "pos-1"))));
        assertEquals(Reason.UNKNOWN_TERMINAL, reason(auth.authenticate(creds("key-ACME", SECRET, "ACME", "ACME001", "pos-9"))));
        assertEquals(Reason.UNKNOWN_TERMINAL, reason(auth.authenticate(creds("key-ACME", SECRET, "ACME", "ACME001", null))));
        assertEquals(Reason.BRAND_MISMATCH, reason(auth.authenticate(creds("key-ACME", SECRET, "bad brand!", "ACME001", "pos-1"))));
    }

    @Test
    void brandsThatRequireEmployeesCheckTheirPasswords() {
        store.saveBrand(new Brand(new BrandId("ACME"), "ACME", true));
        assertEquals(Reason.EMPLOYEE_REQUIRED, reason(auth.authenticate(creds("key-ACME", SECRET, "ACME", "ACME001", "pos-1"))));
        var wrong = new MerchantCredentials("key-ACME", SECRET, "ACME", "ACME001", "pos-1", "emp1", "9999");
        assertEquals(Reason.UNKNOWN_EMPLOYEE, reason(auth.authenticate(wrong)));
        var right = new MerchantCredentials("key-ACME", SECRET, "ACME", "ACME001", "pos-1", "emp1", "1234");
        assertEquals(Optional.of(new EmployeeId("emp1")), auth.authenticate(right).value().employee());
    }

    @Test
    void credentialsNeverShowTheirSecrets() {
        var c = new MerchantCredentials("key-ACME", SECRET, "ACME", "ACME001", "pos-1", "emp1", "1234");
        assertTrue(!c.toString().contains(SECRET) && !c.toString().contains("1234"));
    }
}
