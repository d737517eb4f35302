package io.tally.domain.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tally.domain.event.ActivityLogPort;
import io.tally.domain.event.DomainEvent;
import io.tally.domain.program.CardSet;
import io.tally.domain.program.CardSetId;
import io.tally.domain.program.LoadProgramsPort;
import io.tally.domain.program.Program;
import io.tally.domain.program.ProgramId;
import io.tally.domain.program.ProgramKind;
import io.tally.domain.program.ValueType;
import io.tally.domain.program.ValueTypeKey;
import io.tally.domain.program.ValueTypeLimits;
import io.tally.domain.provisioning.ProvisioningPort;
import io.tally.domain.tenant.ApiKey;
import io.tally.domain.tenant.Brand;
import io.tally.domain.tenant.BrandId;
import io.tally.domain.tenant.Employee;
import io.tally.domain.tenant.EmployeeId;
import io.tally.domain.tenant.LoadMerchantAccessPort;
import io.tally.domain.tenant.Location;
import io.tally.domain.tenant.LocationGroupId;
import io.tally.domain.tenant.LocationId;
import io.tally.domain.tenant.Terminal;
import io.tally.domain.tenant.TerminalId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every implementation of the configuration ports must do (STYLE rule 8): the in-memory fake and
 * the DynamoDB adapter both extend this class. Each test uses fresh brand ids, so implementations may
 * share a table between tests.
 */
public abstract class ConfigStoreContract {
    protected abstract ProvisioningPort provisioning();

    protected abstract LoadMerchantAccessPort merchantAccess();

    protected abstract LoadProgramsPort programs();

    protected abstract ActivityLogPort activityLog();

    private BrandId brand;
    private BrandId otherBrand;

    @BeforeEach
    void freshBrands() {
        brand = new BrandId("B" + UUID.randomUUID().toString().substring(0, 8));
        otherBrand = new BrandId("O" + UUID.randomUUID().toString().substring(0, 8));
    }

    @Test
    void upsertsReportWhetherAnythingChanged() {
        Brand b = new Brand(brand, "Acme", false);
        assertTrue(provisioning().saveBrand(b));
        assertFalse(provisioning().saveBrand(b), "the same item again changes nothing");
        assertTrue(provisioning().saveBrand(new Brand(brand, "Acme Inc", false)));
    }

    @Test
    void merchantAccessLoadsEverythingNamedAndNothingElse() {
        var location = new LocationId("L1");
        var terminal = new TerminalId("pos-1");
        provisioning().saveBrand(new Brand(brand, "Acme", true));
        provisioning().saveLocation(new Location(brand, location, new LocationGroupId("ALL"), "Main street"));
        provisioning().saveTerminal(new Terminal(brand, location, terminal, "Till 1"));
        provisioning().saveEmployee(new Employee(brand, location, new EmployeeId("e1"), "Eve", "pbkdf2$1$AA$AA"));
        String keyId = "k" + brand.value();
        provisioning().createApiKey(new ApiKey(keyId, brand, "pos", "sha256$AA$AA", Instant.parse("2026-01-01T00:00:00Z"), null));

        var all = merchantAccess().load(keyId, brand, location, terminal, Optional.of(new EmployeeId("e1")));
        assertEquals(brand, all.apiKey().orElseThrow().brand());
        assertTrue(all.brand().orElseThrow().requireEmployee());
        assertEquals("Main street", all.location().orElseThrow().name());
        assertEquals("Till 1", all.terminal().orElseThrow().name());
        assertEquals("Eve", all.employee().orElseThrow().name());

        var wrong = merchantAccess().load("nope", brand, new LocationId("L2"), terminal, Optional.empty());
        assertTrue(wrong.apiKey().isEmpty());
        assertTrue(wrong.location().isEmpty());
        assertTrue(wrong.terminal().isEmpty(), "a terminal is found only under its own location");
        assertTrue(wrong.employee().isEmpty());

        var otherBrandView = merchantAccess().load(keyId, otherBrand, location, terminal, Optional.empty());
        assertTrue(otherBrandView.brand().isEmpty());
        assertTrue(otherBrandView.location().isEmpty(), "another brand's location is invisible");
    }

    @Test
    void apiKeysAreCreatedOnceAndNeverOverwritten() {
        String keyId = "k" + brand.value();
        ApiKey first = new ApiKey(keyId, brand, "", "sha256$AA$first", Instant.parse("2026-01-01T00:00:00Z"), null);
        assertTrue(provisioning().createApiKey(first));
        assertFalse(provisioning().createApiKey(new ApiKey(keyId, otherBrand, "", "sha256$AA$second",
                Instant.parse("2026-02-01T00:00:00Z"), null)));
        assertEquals(first, provisioning().apiKey(keyId).orElseThrow());
    }

    @Test
    void catalogueHoldsTheBrandsProgramsAndValueTypesOnly() {
        var gift = new Program(brand, new ProgramId("GIFT"), "Gift", ProgramKind.GIFT);
        var loyalty = new Program(brand, new ProgramId("LOYAL"), "Loyalty", ProgramKind.LOYALTY);
        provisioning().saveProgram(gift);
        provisioning().saveProgram(loyalty);
        var usd = new ValueType(brand, gift.id(), ValueTypeKey.currency("USD"), 2,
                new ValueTypeLimits(50000, 500, 50000, 1, 0));
        var points = new ValueType(brand, loyalty.id(), ValueTypeKey.points(), 0, ValueTypeLimits.NONE);
        var coffee = new ValueType(brand, loyalty.id(), ValueTypeKey.custom("CoffeePoints"), 0, ValueTypeLimits.NONE);
        provisioning().saveValueType(usd);
        provisioning().saveValueType(points);
        provisioning().saveValueType(coffee);
        provisioning().saveProgram(new Program(otherBrand, new ProgramId("GIFT"), "Other gift", ProgramKind.GIFT));
        provisioning().saveCardSet(new CardSet(brand, new CardSetId("GIFT01"), gift.id(), "Plastic", "6", 16));

        var catalogue = programs().catalogue(brand);
        assertEquals(List.of(gift, loyalty), catalogue.programs());
        assertEquals(List.of(usd, coffee, points), catalogue.valueTypes());
        assertEquals("Plastic", programs().cardSet(brand, new CardSetId("GIFT01")).orElseThrow().name());
        assertTrue(programs().cardSet(otherBrand, new CardSetId("GIFT01")).isEmpty());
    }

    @Test
    void activityIsRecordedOncePerEventAndReadNewestFirst() {
        var e1 = new DomainEvent("e1", "brand.provisioned", brand, Instant.parse("2026-01-01T00:00:00Z"), Map.of("a", "1"));
        var e2 = new DomainEvent("e2", "brand.provisioned", brand, Instant.parse("2026-01-02T00:00:00Z"), Map.of());
        var foreign = new DomainEvent("e3", "brand.provisioned", otherBrand, Instant.parse("2026-01-03T00:00:00Z"), Map.of());
        assertTrue(activityLog().record(e1));
        assertFalse(activityLog().record(e1), "a redelivered event is recorded once");
        assertTrue(activityLog().record(e2));
        assertTrue(activityLog().record(foreign));
        assertEquals(List.of(e2, e1), activityLog().recent(brand, 10));
        assertEquals(List.of(e2), activityLog().recent(brand, 1));
    }

    @Test
    void activityIsFoundByRequestRefAndExternalTransactionIdWithinTheBrand() {
        var a = new DomainEvent("ref-a", "ledger.issue", brand, Instant.parse("2026-02-01T10:00:00Z"),
                Map.of("requestRef", "r-1", "externalTransactionId", "pos-9"));
        var b = new DomainEvent("ref-b", "ledger.void", brand, Instant.parse("2026-02-01T11:00:00.5Z"),
                Map.of("requestRef", "r-2", "externalTransactionId", "pos-9"));
        var foreign = new DomainEvent("ref-c", "ledger.issue", otherBrand, Instant.parse("2026-02-01T12:00:00Z"),
                Map.of("requestRef", "r-1", "externalTransactionId", "pos-9"));
        List.of(a, b, foreign).forEach(activityLog()::record);

        assertEquals(List.of(a), activityLog().byRequestRef(brand, "r-1", 10));
        assertEquals(List.of(b, a), activityLog().byExternalTransactionId(brand, "pos-9", 10));
        assertEquals(List.of(b), activityLog().byExternalTransactionId(brand, "pos-9", 1));
        assertTrue(activityLog().byRequestRef(brand, "r-9", 10).isEmpty());
    }

    @Test
    void activityInATimeframeIsReadNewestFirstInSlices() {
        Instant day = Instant.parse("2026-03-01T00:00:00Z");
        List<DomainEvent> events = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            events.add(new DomainEvent("t-" + i, "ledger.issue", brand, day.plusSeconds(60L * i).plusMillis(i % 2 == 0 ? 0 : 250),
                    Map.of()));
        }
        events.forEach(activityLog()::record);
        activityLog().record(new DomainEvent("t-x", "ledger.issue", otherBrand, day.plusSeconds(90), Map.of()));
        Instant from = day.plusSeconds(60);
        Instant to = day.plusSeconds(60L * 6);

        List<DomainEvent> read = new ArrayList<>();
        Optional<ActivityLogPort.Position> after = Optional.empty();
        int slices = 0;
        do {
            ActivityLogPort.Slice slice = activityLog().between(brand, from, to, after, 3);
            assertTrue(slice.events().size() <= 3);
            read.addAll(slice.events());
            after = slice.next();
        } while (after.isPresent() && ++slices < 10);
        assertEquals(List.of(events.get(5), events.get(4), events.get(3), events.get(2), events.get(1)), read,
                "every event of [from, to) once, newest first (a slice may examine events outside and leave them out)");
        assertTrue(activityLog().between(brand, from.plusMillis(300), from.plusSeconds(1), Optional.empty(), 3)
                .events().isEmpty(), "an instant at the bound's second but before it is outside");
    }

    @Test
    void apiKeysAreListedPerBrandAndRevokedOnce() {
        String a = "a" + brand.value();
        String b = "b" + brand.value();
        Instant created = Instant.parse("2026-01-01T00:00:00Z");
        provisioning().createApiKey(new ApiKey(b, brand, "web", "sha256$AA$b", created, null));
        provisioning().createApiKey(new ApiKey(a, brand, "pos", "sha256$AA$a", created, null));
        provisioning().createApiKey(new ApiKey("x" + otherBrand.value(), otherBrand, "", "sha256$AA$x", created, null));
        assertEquals(List.of(a, b), provisioning().apiKeys(brand).stream().map(ApiKey::keyId).toList());

        Instant first = Instant.parse("2026-02-01T00:00:00Z");
        assertEquals(first, provisioning().revokeApiKey(brand, a, first).orElseThrow().revokedAt());
        assertEquals(first, provisioning().revokeApiKey(brand, a, first.plusSeconds(60)).orElseThrow().revokedAt(),
                "the first revocation time stays");
        assertTrue(provisioning().revokeApiKey(otherBrand, b, first).isEmpty(), "another brand cannot revoke it");
        assertTrue(provisioning().apiKey(b).orElseThrow().isActive());
        assertFalse(provisioning().apiKey(a).orElseThrow().isActive());
        assertTrue(provisioning().revokeApiKey(brand, "nope" + brand.value(), first).isEmpty());
    }
}
