package io.tally.domain.member;

import io.tally.domain.event.DomainEvent;
import io.tally.domain.event.PublishEventPort;
import io.tally.domain.member.ContactKey.Kind;
import io.tally.domain.member.PreferencesPort.Choice;
import io.tally.domain.member.PreferencesPort.Source;
import io.tally.domain.portal.PortalConfig;
import io.tally.domain.portal.SubscriptionList;
import io.tally.domain.shared.Fingerprint;
import io.tally.domain.tenant.BrandId;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Shows and changes a recipient's list membership: an e-mail address's, or a phone's for text messages (its E.164
 * digits, {@code sms.SmsMessage#choicesKey}; the same items, the same later-choice-wins rule). The transactional list
 * is always on and cannot be changed (a phone's boxes leave it out: its transactional texts always come); archived lists
 * are not shown and cannot be joined; unknown list ids are ignored. Only the lists whose box the member changed are
 * written, one conditional write each ({@link PreferencesPort}), so a page opened before an unsubscribe link was used
 * does not undo it. Every change is stored at once and told as a {@code member.preferences} event with its source and
 * channel ({@code email} or {@code sms}; recorded in the brand's activity log).
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

    /** The recipient's boxes: every active list for an e-mail address, the active subscription lists for a phone. */
    public List<ListChoice> view(PortalConfig config, ContactKey recipient) {
        var stored = preferences.load(config.brand(), recipient);
        return config.activeLists().stream().filter(l -> recipient.kind() == Kind.EMAIL || l.promotional())
                .map(l -> new ListChoice(l, stored.map(p -> p.on(l)).orElse(l.transactional() || l.defaultOn())))
                .toList();
    }

    /**
     * Sets the lists in {@code on} on and the other active non-transactional lists off, writing only those whose state
     * differs from what the page showed ({@code shown}: list id → shown on; a list the page did not report is written).
     */
    public List<ListChoice> update(PortalConfig config, ContactKey recipient, Set<String> on,
                                   Map<String, Boolean> shown) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Map<String, Boolean> changed = new LinkedHashMap<>();
        for (SubscriptionList l : config.activeLists()) {
            boolean wanted = on.contains(l.id());
            if (l.promotional() && !Boolean.valueOf(wanted).equals(shown.get(l.id()))) {
                changed.put(l.id(), wanted);
            }
        }
        record(config.brand(), recipient, changed, now, Source.PAGE);
        return view(config, recipient);
    }

    /** Takes the recipient off one list (the unsubscribe link); leaving twice is the same as once. */
    public void leave(PortalConfig config, ContactKey email, String list) {
        record(config.brand(), email, Map.of(list, false), clock.instant().truncatedTo(ChronoUnit.MILLIS),
                Source.UNSUBSCRIBE_LINK);
    }

    /**
     * The recipient reported a message of {@code list} as spam at {@code at}: off that list as of then (a choice made
     * later, e.g. subscribing again on the preferences page, still stands). Recording it twice is the same as once.
     */
    public void complained(BrandId brand, ContactKey email, String list, Instant at) {
        record(brand, email, Map.of(list, false), at.truncatedTo(ChronoUnit.MILLIS), Source.COMPLAINT);
    }

    private void record(BrandId brand, ContactKey recipient, Map<String, Boolean> choices, Instant now,
                        Source source) {
        if (choices.isEmpty()) {
            return;
        }
        Map<String, String> data = new LinkedHashMap<>();
        data.put("recipient", Fingerprint.of(recipient.asText()));
        data.put("source", source.name());
        data.put("channel", recipient.kind() == Kind.EMAIL ? "email" : "sms");
        choices.forEach((id, value) -> {
            if (preferences.choose(brand, recipient, new Choice(id, value, now, source))) {
                data.put("list." + id, value.toString());
            }
        });
        events.publish(List.of(new DomainEvent("prefs-" + Fingerprint.of(brand.value(), recipient.asText(), now),
                "member.preferences", brand, now, data)));
    }
}
