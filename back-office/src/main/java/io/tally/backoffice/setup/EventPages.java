package io.tally.backoffice.setup;

import io.tally.backoffice.http.OfficeCall;
import io.tally.backoffice.http.OfficeResponse;
import io.tally.backoffice.http.OfficeRouter;
import io.tally.backoffice.http.View.FieldError;
import io.tally.backoffice.setup.SetupView.Form;
import io.tally.backoffice.setup.SetupView.Input;
import io.tally.backoffice.setup.SetupView.Kind;
import io.tally.backoffice.setup.SetupView.Link;
import io.tally.backoffice.setup.SetupView.Option;
import io.tally.backoffice.setup.SetupView.Row;
import io.tally.backoffice.setup.SetupView.Table;
import io.tally.domain.backoffice.EventSetupUseCase;
import io.tally.domain.backoffice.EventSetupUseCase.EventForm;
import io.tally.domain.backoffice.SetupChange;
import io.tally.domain.engagement.EventDefinition;
import io.tally.domain.engagement.EventDisplay;
import io.tally.domain.engagement.EventType;
import io.tally.domain.engagement.Sentiment;
import io.tally.domain.staff.Permission;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** {@code /setup/events}: the brand's event definitions (the glossary's "Events"), listed, created and edited. */
final class EventPages {
    static final String SAVED = "Saved. Events recorded from now on are checked against it.";
    private static final String DISPLAY_FIELD = "display-";
    private final EventSetupUseCase events;

    EventPages(EventSetupUseCase events) {
        this.events = events;
    }

    void register(OfficeRouter router) {
        router.get("/setup/events", Permission.READ_SETUP, c -> list(c, 200, List.of()))
                .post("/setup/events", Permission.MANAGE_SETUP, c -> SetupPage.afterPost(c,
                        events.save(c.scope(), SetupChange.CREATE, form(c, c.request().field("category"))),
                        "/setup/events", e -> list(c, 400, e), "category"))
                .get("/setup/events/{category}", Permission.MANAGE_SETUP, c -> edit(c, 200, List.of()))
                .post("/setup/events/{category}", Permission.MANAGE_SETUP, c -> SetupPage.afterPost(c,
                        events.save(c.scope(), SetupChange.EDIT, form(c, c.param("category"))),
                        "/setup/events", e -> edit(c, 400, e), "type"));
    }

    private OfficeResponse list(OfficeCall c, int status, List<FieldError> errors) {
        boolean manage = SetupPage.canManage(c);
        Table table = new Table("Event definitions", PlacesPages.headers(manage, "Category id", "Name", "Type", "Sentiment",
                "Shown on", "Description"), events.definitions(c.scope()).stream()
                .map(d -> Row.of(List.of(d.category().value(), d.name(), d.type().label(), d.sentiment().wireName(),
                        shownOn(d), d.description()), manage ? new Link("/setup/events/" + d.category(), "Edit " + d.name())
                        : null)).toList(), "No events defined yet.");
        List<Input> inputs = new ArrayList<>();
        inputs.add(Input.text("category", "Category id", "", true, "the id integrations send in recordEvent; fixed once created"));
        inputs.addAll(fields(Optional.empty()));
        Form form = new Form("Define an event", "/setup/events", "Add event", inputs);
        return SetupPage.show(c, status, "Events", "What customers do that the brand records through the merchant API "
                        + "(recordEvent), to reward them and learn about them.", List.of(table),
                List.of(status == 200 ? form : SetupPage.withPosted(c, form, errors)), errors, SAVED);
    }

    private OfficeResponse edit(OfficeCall c, int status, List<FieldError> errors) {
        Optional<EventDefinition> found = events.definition(c.scope(), c.param("category"));
        if (found.isEmpty()) {
            return c.notFound();
        }
        Form form = new Form("Edit the event (its category id stays)", "/setup/events/" + found.get().category(),
                "Save event", fields(found));
        return SetupPage.show(c, status, "Event " + found.get().category(), null, List.of(),
                List.of(status == 200 ? form : SetupPage.withPosted(c, form, errors)), errors, SAVED);
    }

    /** The inputs every definition has, filled from {@code current} when editing. */
    private static List<Input> fields(Optional<EventDefinition> current) {
        List<Input> inputs = new ArrayList<>(List.of(
                Input.select("type", "Type", current.map(d -> d.type().wireName()).orElse("other"),
                        Arrays.stream(EventType.values()).map(t -> new Option(t.wireName(), t.label())).toList()),
                Input.text("name", "Name", current.map(EventDefinition::name).orElse(""), true, null),
                Input.of("description", "Description", Kind.TEXTAREA, current.map(EventDefinition::description).orElse(""),
                        "optional, at most " + EventDefinition.MAX_DESCRIPTION + " characters"),
                Input.select("sentiment", "Sentiment", current.map(d -> d.sentiment().wireName()).orElse("neutral"),
                        Arrays.stream(Sentiment.values()).map(s -> new Option(s.wireName(), s.wireName())).toList())));
        for (EventDisplay place : EventDisplay.values()) {
            inputs.add(Input.of(DISPLAY_FIELD + place.wireName(), "Show on the " + place.label().toLowerCase(Locale.ROOT),
                    Kind.CHECKBOX, current.map(d -> d.shownOn(place) ? "on" : "").orElse(""), null));
        }
        return inputs;
    }

    private static EventForm form(OfficeCall c, String category) {
        Set<String> display = new LinkedHashSet<>();
        for (EventDisplay place : EventDisplay.values()) {
            if (c.request().field(DISPLAY_FIELD + place.wireName()).equals("on")) {
                display.add(place.wireName());
            }
        }
        return new EventForm(category, c.request().field("type"), c.request().field("name"),
                c.request().field("description"), display, c.request().field("sentiment"));
    }

    private static String shownOn(EventDefinition d) {
        String places = d.display().stream().sorted().map(EventDisplay::label).collect(Collectors.joining(", "));
        return places.isEmpty() ? "nowhere" : places;
    }
}
