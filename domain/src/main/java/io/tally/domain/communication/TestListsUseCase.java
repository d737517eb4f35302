package io.tally.domain.communication;

import io.tally.domain.card.CardNumber;
import io.tally.domain.card.CardPort;
import io.tally.domain.shared.Outcome;
import io.tally.domain.shared.RandomSource;
import io.tally.domain.shared.Reason;
import io.tally.domain.staff.Permission;
import io.tally.domain.staff.StaffScope;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Test lists in the back office: a name and the card numbers of test users, one a line (or separated by commas or
 * spaces). Every number must be one of the brand's cards (one read each, at most {@link TestList#MAX_CARDS}), so a
 * test send reaches the people meant. Reading needs {@link Permission#READ_SETUP}, changes {@link Permission#MANAGE_SETUP}.
 */
public final class TestListsUseCase {
    private final TestListsPort lists;
    private final CardPort cards;
    private final RandomSource random;
    private final Clock clock;

    public TestListsUseCase(TestListsPort lists, CardPort cards, RandomSource random, Clock clock) {
        this.lists = lists;
        this.cards = cards;
        this.random = random;
        this.clock = clock;
    }

    public List<TestList> list(StaffScope scope) {
        return scope.can(Permission.READ_SETUP) ? lists.list(scope.brand()) : List.of();
    }

    public Optional<TestList> find(StaffScope scope, String id) {
        return scope.can(Permission.READ_SETUP) ? lists.find(scope.brand(), id) : Optional.empty();
    }

    /** Creates ({@code id} empty) or changes a test list; the refusal's detail is the form's message. */
    public Outcome<TestList> save(StaffScope scope, Optional<String> id, String name, String numbers, long version) {
        if (!scope.can(Permission.MANAGE_SETUP)) {
            return Outcome.rejected(Reason.INVALID_REQUEST, "Only a brand admin changes test lists.");
        }
        String listName = name == null ? "" : name.strip();
        if (listName.isEmpty() || listName.length() > 80) {
            return Outcome.rejected(Reason.INVALID_REQUEST, "The name is 1-80 characters.");
        }
        Set<CardNumber> found = new LinkedHashSet<>();
        List<String> unknown = new ArrayList<>();
        for (String text : (numbers == null ? "" : numbers).split("[\\s,;]+")) {
            if (text.isBlank()) {
                continue;
            }
            Outcome<CardNumber> number = CardNumber.parse(text);
            if (number.isAccepted() && cards.load(scope.brand(), number.value()).isPresent()) {
                found.add(number.value());
            } else {
                unknown.add(text);
            }
            if (found.size() + unknown.size() > TestList.MAX_CARDS) {
                return Outcome.rejected(Reason.INVALID_REQUEST, "A test list holds at most " + TestList.MAX_CARDS + " cards.");
            }
        }
        if (!unknown.isEmpty()) {
            return Outcome.rejected(Reason.INVALID_REQUEST, "Not cards of this brand: " + String.join(", ", unknown) + ".");
        }
        var now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        if (id.isEmpty()) {
            if (lists.list(scope.brand()).size() >= TestListsPort.MAX_PER_BRAND) {
                return Outcome.rejected(Reason.INVALID_REQUEST, "A brand keeps at most " + TestListsPort.MAX_PER_BRAND
                        + " test lists.");
            }
            TestList created = new TestList(scope.brand(), Ids.next(random), listName, List.copyOf(found), now, 1);
            return lists.create(created) ? Outcome.accepted(created) : conflict();
        }
        TestList changed = new TestList(scope.brand(), id.get(), listName, List.copyOf(found), now, version + 1);
        return lists.update(changed) ? Outcome.accepted(changed) : conflict();
    }

    private static Outcome<TestList> conflict() {
        return Outcome.rejected(Reason.INVALID_REQUEST, "Someone saved this test list since you opened it: open it again.");
    }
}
