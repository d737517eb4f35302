package io.tally.domain.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tally.domain.card.CardNumber;
import io.tally.domain.card.walk.CardWalk;
import io.tally.domain.communication.rule.DateRun;
import io.tally.domain.communication.rule.DateRunsPort;
import io.tally.domain.communication.rule.DueMail;
import io.tally.domain.communication.rule.DueMailsPort;
import io.tally.domain.communication.rule.Rule;
import io.tally.domain.communication.rule.RulesPort;
import io.tally.domain.communication.rule.Trigger;
import io.tally.domain.program.CardSetId;
import io.tally.domain.program.ValueTypeKey;
import io.tally.domain.tenant.BrandId;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * {@link RulesPort}: created once by id, changed only over the version read, every trigger read back as stored, listed per
 * brand. {@link DueMailsPort}: a send stored twice is one, due ones come oldest first up to now however overdue, a
 * deleted one is gone. {@link DateRunsPort}: a run read back whole (its cursor and its first day), moved on only from the
 * version read.
 */
public abstract class RuleStoresContract {
    protected abstract RulesPort rules();

    protected abstract DueMailsPort dueMails();

    protected abstract DateRunsPort dateRuns();

    private final BrandId brand = new BrandId("R" + UUID.randomUUID().toString().substring(0, 8));
    private final Instant t0 = Instant.parse("2026-11-01T10:00:00Z");

    private Rule rule(String id, long version, Trigger trigger, boolean active) {
        return new Rule(brand, id, "Welcome series", trigger, "tpl1", "news", Duration.ofDays(3), active,
                t0.plusSeconds(version), "staff-1", version);
    }

    @Test
    void a_rule_is_created_once_and_read_back_whole_whatever_its_trigger() {
        List<Trigger> triggers = List.of(new Trigger.Enrollment(), new Trigger.Birthday(), new Trigger.Anniversary(),
                new Trigger.Checkout(Optional.empty()), new Trigger.Checkout(Optional.of(250_000L)),
                new Trigger.Event("review:posted"), new Trigger.Balance(ValueTypeKey.currency("USD"), 5000),
                new Trigger.Balance(ValueTypeKey.points(), 100), new Trigger.Lapsed(60));
        for (int i = 0; i < triggers.size(); i++) {
            Rule r = rule("a" + i, 1, triggers.get(i), i % 2 == 0);
            assertTrue(rules().create(r));
            assertEquals(Optional.of(r), rules().find(brand, "a" + i));
        }
        assertFalse(rules().create(rule("a0", 1, new Trigger.Birthday(), true)), "the id is taken");
        assertTrue(rules().find(new BrandId("OTHER"), "a0").isEmpty(), "another brand's");
        assertEquals(triggers.size(), rules().list(brand).size());
    }

    @Test
    void a_change_needs_the_version_it_was_made_on() {
        assertTrue(rules().create(rule("b1", 1, new Trigger.Enrollment(), true)));
        assertTrue(rules().update(rule("b1", 2, new Trigger.Enrollment(), false)));
        assertFalse(rules().update(rule("b1", 2, new Trigger.Birthday(), true)), "a second editor of version 1");
        assertFalse(rules().update(rule("b9", 2, new Trigger.Enrollment(), true)), "no such rule");
        assertFalse(rules().find(brand, "b1").orElseThrow().active());
        assertEquals(List.of("b1"), rules().list(brand).stream().map(Rule::id).toList());
    }

    private DueMail due(String id, Instant at) {
        return new DueMail(brand, "r1", "rule-r1-" + id, new CardNumber("6036008136563968173"), "tpl1", 3,
                Optional.of("loc1"), id.equals("x") ? Optional.empty() : Optional.of("ref-" + id), at);
    }

    private List<DueMail> mine(Instant now) {
        return dueMails().due(now, 100).stream().filter(m -> m.brand().equals(brand)).toList();
    }

    @Test
    void due_sends_come_oldest_first_once_due_and_go_when_deleted() {
        Instant base = Instant.parse("2026-03-01T00:00:00Z");
        DueMail late = due("late", base.plus(Duration.ofHours(5)).plusMillis(7));
        DueMail early = due("x", base.plus(Duration.ofMinutes(30)));
        DueMail later = due("later", base.plus(Duration.ofDays(2)));
        dueMails().put(late);
        dueMails().put(early);
        dueMails().put(early);
        dueMails().put(later);
        assertEquals(List.of(), mine(base));
        assertEquals(List.of(early), mine(early.dueAt()), "due at its instant");
        assertEquals(List.of(early, late), mine(base.plus(Duration.ofHours(6))));
        dueMails().delete(early);
        dueMails().delete(early);
        assertEquals(List.of(late, later), mine(later.dueAt().plusSeconds(1)));
        DueMail weeksLater = due("weeks", later.dueAt().plus(Duration.ofDays(1)));
        dueMails().put(weeksLater);
        assertEquals(List.of(late, later, weeksLater), mine(later.dueAt().plus(Duration.ofDays(40))), "however overdue");
        assertEquals(List.of(late), dueMails().due(later.dueAt().plus(Duration.ofDays(40)), 1).stream()
                .filter(m -> m.brand().equals(brand)).toList(), "at most the limit, oldest first");
    }

    @Test
    void a_date_run_moves_on_only_from_the_version_read() {
        assertEquals(Optional.empty(), dateRuns().find(brand));
        DateRun started = DateRun.start(brand, LocalDate.of(2026, 12, 2), t0, Optional.empty());
        assertTrue(dateRuns().save(started));
        assertFalse(dateRuns().save(started), "a second start of version 1 is refused");
        assertEquals(Optional.of(started), dateRuns().find(brand));
        CardWalk.Cursor cursor = new CardWalk.Cursor(Optional.of(new CardSetId("SET-A")),
                Optional.of(new CardNumber("6036008136563968173")));
        DateRun moved = new DateRun(brand, started.day(), started.from(), cursor, false, 100, 3, 1, t0,
                t0.plusSeconds(2), 2);
        assertTrue(dateRuns().save(moved));
        assertEquals(Optional.of(moved), dateRuns().find(brand));
        assertFalse(dateRuns().save(moved), "the same page recorded twice");
        DateRun done = new DateRun(brand, started.day(), started.from(),
                new CardWalk.Cursor(Optional.of(new CardSetId("SET-A")), Optional.empty()), true, 130, 4, 2, t0,
                t0.plusSeconds(3), 3);
        assertTrue(dateRuns().save(done));
        assertEquals(Optional.of(done), dateRuns().find(brand));
        DateRun next = DateRun.start(brand, LocalDate.of(2026, 12, 5), t0.plus(Duration.ofDays(3)), Optional.of(done));
        assertEquals(LocalDate.of(2026, 12, 3), next.from(), "the missed days caught up");
        assertTrue(dateRuns().save(next));
        assertEquals(Optional.of(next), dateRuns().find(brand));
        assertEquals(Optional.empty(), dateRuns().find(new BrandId("OTHER" + brand.value())));
    }
}
