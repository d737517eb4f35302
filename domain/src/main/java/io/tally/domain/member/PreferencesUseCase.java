package io.tally.domain.member;

import io.tally.domain.event.DomainEvent;
import io.tally.domain.event.PublishEventPort;
import io.tally.domain.portal.PortalConfig;
import io.tally.domain.portal.SubscriptionList;
import io.tally.domain.shared.Fingerprint;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Shows and changes a recipient's e-mail preferences. The transactional list is always on and cannot be
 * changed; unknown list ids are ignored. Every change is stored at once and told as a
 * {@code member.preferences} event (recorded in the brand's activity log).
 */
public final class PreferencesUseCase {
    private final PreferencesPort preferences;
    private final PublishEventPort events;
    private final Clock clock;

    public PreferencesUseCase(PreferencesPort preferences, PublishEventPort events, Clock clock) {
        this.preferences = preferences;
        this.events = events;
        this.clock = clock;
    }

    /** One list as the page shows it. */
    public record ListChoice(SubscriptionList list, boolean on) {
        public boolean locked() {
            return list.transactional();
        }
    }

    public List<ListChoice> view(PortalConfig config, ContactKey email) {
        var stored = preferences.load(config.brand(), email);
        return config.subscriptionLists().stream().map(l -> new ListChoice(l, l.transactional()
                || stored.map(p -> p.lists().containsKey(l.id()) ? p.subscribed(l.id()) : l.defaultOn())
                .orElse(l.defaultOn()))).toList();
    }

    /** Sets exactly the lists in {@code on} (of the brand's non-transactional lists) on, the others off. */
    public List<ListChoice> update(PortalConfig config, ContactKey email, Set<String> on) {
        Map<String, Boolean> lists = new LinkedHashMap<>();
        for (SubscriptionList l : config.subscriptionLists()) {
            if (!l.transactional()) {
                lists.put(l.id(), on.contains(l.id()));
            }
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        preferences.save(config.brand(), new Preferences(email, lists, now));
        Map<String, String> data = new LinkedHashMap<>();
        data.put("recipient", Fingerprint.of(email.asText()));
        lists.forEach((id, value) -> data.put("list." + id, value.toString()));
        events.publish(List.of(new DomainEvent("prefs-" + Fingerprint.of(config.brand().value(), email.asText(), now),
                "member.preferences", config.brand(), now, data)));
        return view(config, email);
    }
}
