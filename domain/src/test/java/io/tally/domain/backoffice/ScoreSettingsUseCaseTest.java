package io.tally.domain.backoffice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tally.domain.audit.AuditRecord;
import io.tally.domain.backoffice.ScoreSettingsUseCase.SettingsForm;
import io.tally.domain.engagement.score.ScoreRanges;
import io.tally.domain.engagement.score.ScoreSettings;
import io.tally.domain.fakes.InMemoryAuditLog;
import io.tally.domain.fakes.InMemoryCheckoutConfig;
import io.tally.domain.fakes.InMemoryScoreRuns;
import io.tally.domain.fakes.InMemoryScoreSettings;
import io.tally.domain.fakes.SeededRandom;
import io.tally.domain.program.ValueTypeKey;
import io.tally.domain.shared.Outcome;
import io.tally.domain.staff.Role;
import io.tally.domain.staff.StaffId;
import io.tally.domain.staff.StaffScope;
import io.tally.domain.tenant.BrandId;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The score settings page's rules: the defaults until saved; a save follows the version the form was opened with (a
 * stale form is refused and nothing is written); ranges and the reference are checked with sentences; audited once.
 */
class ScoreSettingsUseCaseTest {
    private static final BrandId BRAND = new BrandId("brand-score");
    private final InMemoryScoreSettings settings = new InMemoryScoreSettings();
    private final InMemoryAuditLog audit = new InMemoryAuditLog();
    private final InMemoryCheckoutConfig checkout = new InMemoryCheckoutConfig();
    private final ScoreSettingsUseCase useCase = new ScoreSettingsUseCase(settings, new InMemoryScoreRuns(), checkout,
            audit, new SeededRandom(5), Clock.fixed(Instant.parse("2026-12-02T03:00:00Z"), ZoneOffset.UTC));
    private final StaffScope admin = StaffScope.brandWide(BRAND, new StaffId("admin"), "admin@example.com", Role.ADMIN);
    private final StaffScope analyst = StaffScope.brandWide(BRAND, new StaffId("an"), "an@example.com", Role.ANALYST);

    @Test
    void an_admin_renames_the_ranges_and_sets_the_reference_over_the_version_read() {
        checkout.saveSettings(BRAND, ValueTypeKey.currency("EUR"), ZoneId.of("UTC"));
        ScoreSettingsUseCase.View before = useCase.view(admin).orElseThrow();
        assertEquals(ScoreSettings.defaults(BRAND), before.settings());
        assertEquals("EUR", before.currency());

        Outcome<ScoreSettings> saved = useCase.save(admin, new SettingsForm("0", "1-10 Asleep\n\n11-100  Awake ",
                "250.5"));

        assertTrue(saved.isAccepted());
        ScoreSettings stored = settings.find(BRAND).orElseThrow();
        assertEquals(new ScoreRanges(List.of(new ScoreRanges.Range(1, 10, "Asleep"), new ScoreRanges.Range(11, 100,
                "Awake"))), stored.ranges());
        assertEquals(250_5000L, stored.spendReference());
        assertEquals(1, stored.version());
        AuditRecord record = audit.all().get(0);
        assertEquals("setup.scores.edit", record.action());
        assertEquals(Map.of("ranges", "1-10 Asleep; 11-100 Awake", "spendReference", "250.5000"), record.after());

        assertEquals(ScoreSettingsUseCase.STALE, refusal(useCase.save(admin, new SettingsForm("0", "1-100 All", "1"))));
        assertEquals(stored, settings.find(BRAND).orElseThrow(), "a stale form writes nothing");
        assertEquals(1, audit.all().size());
    }

    @Test
    void bad_ranges_and_references_are_refused_with_a_sentence_and_an_analyst_may_only_look() {
        assertEquals("Line 2: write each range as from-to name, for example 1-25 Newbies.",
                refusal(useCase.save(admin, new SettingsForm("0", "1-50 Low\nhigh", "500"))));
        assertEquals("The ranges follow each other without gaps or overlaps from 1: 52-100 should start at 51.",
                refusal(useCase.save(admin, new SettingsForm("0", "1-50 Low\n52-100 High", "500"))));
        assertEquals("The last range ends at 100.", refusal(useCase.save(admin, new SettingsForm("0", "1-50 Low", "500"))));
        for (String reference : new String[] {"0", "-5", "12.34567", "abc", "", "1000000000.0001"}) {
            assertTrue(refusal(useCase.save(admin, new SettingsForm("0", "1-100 All", reference)))
                    .startsWith("The spend reference is an amount above 0"), reference);
        }
        assertEquals(SetupAudit.NOT_ALLOWED, refusal(useCase.save(analyst, new SettingsForm("0", "1-100 All", "5"))));
        assertTrue(useCase.view(analyst).isPresent());
        assertFalse(settings.find(BRAND).isPresent());
        assertTrue(audit.all().isEmpty());
    }

    private static String refusal(Outcome<ScoreSettings> outcome) {
        assertFalse(outcome.isAccepted());
        return ((Outcome.Rejected<ScoreSettings>) outcome).rejection().detail();
    }
}
