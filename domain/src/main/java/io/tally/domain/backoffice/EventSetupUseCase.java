package io.tally.domain.backoffice;

import io.tally.domain.audit.AuditLogPort;
import io.tally.domain.engagement.EventCategoryId;
import io.tally.domain.engagement.EventDefinition;
import io.tally.domain.engagement.EventDefinitionsPort;
import io.tally.domain.engagement.EventDisplay;
import io.tally.domain.engagement.EventType;
import io.tally.domain.engagement.Sentiment;
import io.tally.domain.shared.Outcome;
import io.tally.domain.shared.RandomSource;
import io.tally.domain.shared.Reason;
import io.tally.domain.staff.Permission;
import io.tally.domain.staff.StaffScope;
import java.time.Clock;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The brand's event definitions in the back office (the glossary's "Events"): listed with {@link Permission#READ_SETUP},
 * created and edited with {@link Permission#MANAGE_SETUP}, every change audited just before its write. A category id is
 * fixed once it exists (recorded events name it); everything else may be edited, and takes effect for events processed
 * after the change (the merchant API reads the definition on every call, strongly consistent).
 */
public final class EventSetupUseCase {
    private final EventDefinitionsPort definitions;
    private final SetupAudit audit;

    public EventSetupUseCase(EventDefinitionsPort definitions, AuditLogPort log, RandomSource random, Clock clock) {
        this.definitions = definitions;
        this.audit = new SetupAudit(log, random, clock);
    }

    /** A definition as typed in the form: wire names of type, sentiment and display places. */
    public record EventForm(String category, String type, String name, String description, Set<String> display,
                            String sentiment) {
    }

    public List<EventDefinition> definitions(StaffScope scope) {
        return scope.can(Permission.READ_SETUP) ? definitions.list(scope.brand()) : List.of();
    }

    public Optional<EventDefinition> definition(StaffScope scope, String category) {
        return definitions(scope).stream().filter(d -> d.category().value().equals(category)).findFirst();
    }

    public Outcome<EventDefinition> save(StaffScope scope, SetupChange change, EventForm form) {
        Optional<String> refused = BrandSetupUseCase.problem(scope, form.category(), "The category id", null);
        if (refused.isPresent()) {
            return Outcome.rejected(Reason.INVALID_REQUEST, refused.get());
        }
        EventCategoryId category = new EventCategoryId(form.category().strip());
        Optional<EventDefinition> before = definitions.find(scope.brand(), category);
        String misfit = change.misfit(before.isPresent(), "an event of category " + category);
        if (misfit != null) {
            return Outcome.rejected(Reason.INVALID_REQUEST, misfit);
        }
        if (before.isEmpty() && definitions.list(scope.brand()).size() >= EventDefinitionsPort.MAX_PER_BRAND) {
            return Outcome.rejected(Reason.INVALID_REQUEST,
                    "A brand has at most " + EventDefinitionsPort.MAX_PER_BRAND + " event definitions.");
        }
        Outcome<EventDefinition> parsed = parse(scope, category, form);
        if (!parsed.isAccepted()) {
            return parsed;
        }
        EventDefinition after = parsed.value();
        audit.record(scope, "setup.event." + change.verb(), "event:" + category,
                before.map(EventSetupUseCase::values).orElse(Map.of()), values(after));
        definitions.save(after);
        return Outcome.accepted(after);
    }

    private static Outcome<EventDefinition> parse(StaffScope scope, EventCategoryId category, EventForm form) {
        Optional<EventType> type = EventType.byWireName(strip(form.type()));
        if (type.isEmpty()) {
            return Outcome.rejected(Reason.INVALID_REQUEST, "Choose the event's type.");
        }
        Optional<Sentiment> sentiment = Sentiment.byWireName(strip(form.sentiment()));
        if (sentiment.isEmpty()) {
            return Outcome.rejected(Reason.INVALID_REQUEST, "Choose the event's sentiment: positive, neutral or negative.");
        }
        Set<EventDisplay> display = EnumSet.noneOf(EventDisplay.class);
        for (String place : form.display()) {
            Optional<EventDisplay> d = EventDisplay.byWireName(place);
            if (d.isEmpty()) {
                return Outcome.rejected(Reason.INVALID_REQUEST, "Unknown display setting: " + place + ".");
            }
            display.add(d.get());
        }
        String name = strip(form.name());
        String description = strip(form.description());
        if (name.isEmpty() || name.length() > EventDefinition.MAX_NAME) {
            return Outcome.rejected(Reason.INVALID_REQUEST, "Name the event (at most " + EventDefinition.MAX_NAME + " characters).");
        }
        if (description.length() > EventDefinition.MAX_DESCRIPTION) {
            return Outcome.rejected(Reason.INVALID_REQUEST,
                    "A description is at most " + EventDefinition.MAX_DESCRIPTION + " characters.");
        }
        return Outcome.accepted(new EventDefinition(scope.brand(), category, type.get(), name, description, display,
                sentiment.get()));
    }

    private static String strip(String text) {
        return text == null ? "" : text.strip();
    }

    static Map<String, String> values(EventDefinition d) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("type", d.type().wireName());
        m.put("name", d.name());
        m.put("description", d.description());
        m.put("display", d.display().stream().sorted().map(EventDisplay::wireName).collect(Collectors.joining(",")));
        m.put("sentiment", d.sentiment().wireName());
        return m;
    }
}
