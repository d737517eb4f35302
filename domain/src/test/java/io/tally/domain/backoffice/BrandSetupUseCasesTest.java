package io.tally.domain.backoffice;

import static io.tally.domain.fakes.TestWorld.BRAND;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tally.domain.audit.AuditRecord;
import io.tally.domain.card.CardNumber;
import io.tally.domain.contract.PortalTestData;
import io.tally.domain.fakes.InMemoryAuditLog;
import io.tally.domain.fakes.TestWorld;
import io.tally.domain.ledger.UpdateAccountUseCase;
import io.tally.domain.program.ValueType;
import io.tally.domain.shared.Outcome;
import io.tally.domain.shared.Outcome.Rejected;
import io.tally.domain.shared.SecretHasher;
import io.tally.domain.staff.Role;
import io.tally.domain.staff.StaffId;
import io.tally.domain.staff.StaffScope;
import io.tally.domain.tenant.EmployeeId;
import io.tally.domain.tenant.LocationGroupId;
import io.tally.domain.tenant.LocationId;
import io.tally.domain.tenant.ManageApiKeysUseCase.CreatedKey;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BrandSetupUseCasesTest {
    private final TestWorld w = new TestWorld();
    private final InMemoryAuditLog audit = new InMemoryAuditLog();
    private final BrandSetupUseCase places = new BrandSetupUseCase(w.programs, w.programs, audit, w.random, w.clock);
    private final CatalogueSetupUseCase catalogue = new CatalogueSetupUseCase(w.programs, w.programs, w.programs, audit,
            w.random, w.clock);
    private final ApiKeySetupUseCase keys = new ApiKeySetupUseCase(w.programs, audit, w.random, w.clock);
    private final PortalSetupUseCase portal = new PortalSetupUseCase(w.portals, w.programs, audit, w.random, w.clock);
    private final StaffScope admin = StaffScope.brandWide(BRAND, new StaffId("a-1"), "admin@acme.test", Role.ADMIN);
    private final StaffScope analyst = StaffScope.brandWide(BRAND, new StaffId("n-1"), "analyst@acme.test", Role.ANALYST);
    private final StaffScope westManager = new StaffScope(BRAND, new StaffId("m-1"), "west@acme.test", Role.MANAGER,
            Set.of(new LocationGroupId("west")), Optional.of(Set.of(new LocationId("w1"))));

    private static String refusal(Outcome<?> o) {
        return ((Rejected<?>) o).rejection().detail();
    }

    private void places() {
        places.saveGroup(admin, SetupChange.CREATE, "west", "West").value();
        places.saveGroup(admin, SetupChange.CREATE, "east", "East").value();
        places.saveLocation(admin, SetupChange.CREATE, "w1", "west", "West 1").value();
        places.saveLocation(admin, SetupChange.CREATE, "e1", "east", "East 1").value();
        places.saveTerminal(admin, SetupChange.CREATE, "w1", "till-1", "Till 1").value();
        places.saveTerminal(admin, SetupChange.CREATE, "e1", "till-1", "Till 1").value();
        places.saveEmployee(admin, SetupChange.CREATE, "e1", "eve", "Eve", Optional.of("4321")).value();
    }

    @Test
    void an_admin_creates_places_and_people_each_audited_without_the_password() {
        places();
        assertEquals(7, audit.all().size());
        AuditRecord employee = audit.all().get(6);
        assertEquals("setup.employee.create", employee.action());
        assertEquals("employee:e1/eve", employee.target());
        assertEquals(Map.of("name", "Eve", "password", "set"), employee.after());
        String hash = w.programs.employee(BRAND, new LocationId("e1"), new EmployeeId("eve")).orElseThrow().passwordHash();
        assertTrue(SecretHasher.matches("4321", hash));

        places.saveEmployee(admin, SetupChange.EDIT, "e1", "eve", "Eve", Optional.of("9876")).value();
        assertEquals(Map.of("name", "Eve", "password", "reset"), audit.all().get(7).after());
        assertTrue(SecretHasher.matches("9876",
                w.programs.employee(BRAND, new LocationId("e1"), new EmployeeId("eve")).orElseThrow().passwordHash()));
        assertTrue(audit.all().stream().flatMap(r -> r.after().values().stream()).noneMatch(v -> v.contains("4321")
                || v.contains("9876") || v.startsWith("pbkdf2")));
    }

    @Test
    void create_and_edit_refuse_the_wrong_case_and_bad_input_changes_nothing() {
        places();
        int recorded = audit.all().size();
        assertEquals("There is already a location w1. Choose another id, or edit it.",
                refusal(places.saveLocation(admin, SetupChange.CREATE, "w1", "west", "Again")));
        assertEquals("There is no location nowhere.", refusal(places.saveLocation(admin, SetupChange.EDIT, "nowhere", "west", "X")));
        assertEquals("Choose one of the brand's location groups.",
                refusal(places.saveLocation(admin, SetupChange.CREATE, "n1", "north", "North")));
        assertEquals("Give the new employee a password (PIN).",
                refusal(places.saveEmployee(admin, SetupChange.CREATE, "w1", "bob", "Bob", Optional.empty())));
        assertEquals(recorded, audit.all().size());
        assertEquals(2, places.locations(admin).size());
    }

    @Test
    void a_manager_sees_only_their_groups_places_and_cannot_change_anything() {
        places();
        assertEquals(List.of("west"), places.groups(westManager).stream().map(g -> g.id().value()).toList());
        assertEquals(List.of("w1"), places.locations(westManager).stream().map(l -> l.id().value()).toList());
        assertEquals(List.of("w1"), places.terminals(westManager).stream().map(t -> t.location().value()).toList());
        assertTrue(places.employees(westManager).isEmpty(), "Eve works in the east");
        assertTrue(keys.list(westManager).isEmpty(), "API keys are brand-wide");
        assertEquals(SetupAudit.NOT_ALLOWED, refusal(places.saveLocation(westManager, SetupChange.EDIT, "w1", "west", "Mine")));
    }

    @Test
    void an_analyst_reads_everything_and_changes_nothing() {
        places();
        assertEquals(2, places.locations(analyst).size());
        assertEquals(SetupAudit.NOT_ALLOWED, refusal(places.saveGroup(analyst, SetupChange.CREATE, "north", "North")));
        assertEquals(SetupAudit.NOT_ALLOWED, refusal(keys.create(analyst, "k-1", "Till")));
        assertEquals(SetupAudit.NOT_ALLOWED, refusal(portal.removeBrandField(analyst, "store")));
        assertEquals(7, audit.all().size());
    }

    @Test
    void a_value_types_limits_are_edited_in_its_unit_and_its_scale_stays() {
        ValueType usd = catalogue.saveValueType(admin, SetupChange.EDIT, "gift", "Currency:USD", Optional.of(4),
                new CatalogueSetupUseCase.LimitsForm("500.00", "", "250", "", "")).value();
        assertEquals(2, usd.scale());
        assertEquals(50_000, usd.limits().maxBalance());
        assertEquals(25_000, usd.limits().maxIssue());
        assertEquals(Map.of("scale", "2", "maxBalance", "500.00", "minIssue", "0.00", "maxIssue", "250.00", "minRedeem", "0.00",
                "maxRedeem", "0.00"), audit.all().get(0).after());
        assertEquals("The maximum balance is an amount with at most 2 decimals, or blank for no limit.",
                refusal(catalogue.saveValueType(admin, SetupChange.EDIT, "gift", "Currency:USD", Optional.empty(),
                        new CatalogueSetupUseCase.LimitsForm("5.001", "", "", "", ""))));
    }

    @Test
    void an_api_keys_secret_is_shown_once_and_never_audited_and_revocation_is_audited_once() {
        CreatedKey key = keys.create(admin, "till-key", "Front till").value();
        assertEquals(1, keys.list(admin).size());
        assertTrue(audit.all().stream().flatMap(r -> r.after().values().stream()).noneMatch(v -> v.contains(key.secret())));
        keys.revoke(admin, "till-key").value();
        keys.revoke(admin, "till-key").value();
        assertEquals(List.of("setup.apikey.create", "setup.apikey.revoke"), audit.all().stream().map(AuditRecord::action).toList());
        assertFalse(w.programs.apiKey("till-key").orElseThrow().isActive());
        assertEquals("There is already an API key till-key. Choose another id.", refusal(keys.create(admin, "till-key", "")));
    }

    @Test
    void a_required_choice_field_added_to_the_customer_model_is_enforced_by_update_account() {
        w.portals.save(PortalTestData.config(BRAND));
        portal.saveBrandField(admin, SetupChange.CREATE, "tier", "Tier", "choice", true, "Gold\nSilver").value();
        assertEquals("choice required \"Tier\" Gold|Silver", audit.all().get(0).after().get("bd.tier"));
        CardNumber card = w.activeCard();
        Outcome<?> enrolled = w.account.update(new UpdateAccountUseCase.UpdateAccountCommand(TestWorld.context(), w.info(), card,
                Optional.empty(), Optional.empty(), Map.of(), Map.of(), Map.of(), Optional.empty(), true, Optional.empty()));
        assertEquals("brandDemographics.tier: Tier is required.", refusal(enrolled));
        assertEquals("There is already a field tier. Choose another id, or edit it.",
                refusal(portal.saveBrandField(admin, SetupChange.CREATE, "tier", "Tier", "choice", false, "A")));
        assertEquals("Field tier: a choice field, and only a choice field, lists its choices.",
                refusal(portal.saveBrandField(admin, SetupChange.EDIT, "tier", "Tier", "choice", false, "")));
    }
}
