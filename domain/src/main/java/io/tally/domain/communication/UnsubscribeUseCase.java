package io.tally.domain.communication;

import io.tally.domain.communication.UnsubscribeLinks.Link;
import io.tally.domain.member.ContactKey;
import io.tally.domain.member.PreferencesUseCase;
import io.tally.domain.portal.PortalConfig;
import io.tally.domain.portal.SubscriptionList;
import java.time.Clock;

/**
 * The unsubscribe link of a promotional e-mail. {@link #look} is for the page a person opens (GET: it must change
 * nothing, mail scanners follow links); {@link #unsubscribe} is the one-click POST (RFC 8058) and the page's button:
 * the recipient leaves the list at once ({@link PreferencesUseCase#leave}). Leaving twice answers the same. A link to
 * an archived list still unsubscribes (restoring the list must not bring the recipient back).
 */
public final class UnsubscribeUseCase {
    private final UnsubscribeLinks links;
    private final PreferencesUseCase preferences;
    private final Clock clock;

    public UnsubscribeUseCase(UnsubscribeLinks links, PreferencesUseCase preferences, Clock clock) {
        this.links = links;
        this.preferences = preferences;
        this.clock = clock;
    }

    public sealed interface Answer {
        /** The link is good: the list (by name) and the address it is for. */
        record ForList(SubscriptionList list, ContactKey email) implements Answer {
        }

        record Expired() implements Answer {
        }

        /** Tampered with, another brand's, or naming a list the brand has not (or its transactional list). */
        record Invalid() implements Answer {
        }
    }

    public Answer look(PortalConfig config, String token) {
        Link link = links.check(config.brand(), token, clock.instant());
        if (link instanceof Link.Expired) {
            return new Answer.Expired();
        }
        if (link instanceof Link.Good good) {
            return config.list(good.list()).filter(SubscriptionList::promotional)
                    .<Answer>map(l -> new Answer.ForList(l, good.email())).orElse(new Answer.Invalid());
        }
        return new Answer.Invalid();
    }

    public Answer unsubscribe(PortalConfig config, String token) {
        Answer answer = look(config, token);
        if (answer instanceof Answer.ForList forList) {
            preferences.leave(config, forList.email(), forList.list().id());
        }
        return answer;
    }
}
