package io.tally.domain.referral;

import io.tally.domain.card.Customer;
import io.tally.domain.card.ProfileRules;
import io.tally.domain.email.EmailKind;
import io.tally.domain.email.EmailMessage;
import io.tally.domain.email.EmailOutboxPort;
import io.tally.domain.event.DomainEvent;
import io.tally.domain.event.PublishEventPort;
import io.tally.domain.ledger.CardView;
import io.tally.domain.member.ContactKey;
import io.tally.domain.member.LinkTokens;
import io.tally.domain.member.MemberDirectoryPort;
import io.tally.domain.portal.PortalConfig;
import io.tally.domain.shared.Fingerprint;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A member (who proved their card with its PIN) invites friends by e-mail. Each friend gets the brand's
 * invitation template with a signed referral link; the sender chooses addresses, never text. At most
 * {@link #MAX_FRIENDS} per request; the member's own address, existing members and repeats are skipped,
 * and the message id is derived from (sender, friend), so inviting the same friend twice sends one e-mail.
 */
public final class InviteFriendsUseCase {
    public static final int MAX_FRIENDS = 5;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}");
    private final MemberDirectoryPort directory;
    private final EmailOutboxPort outbox;
    private final LinkTokens links;
    private final PublishEventPort events;
    private final Clock clock;

    public InviteFriendsUseCase(MemberDirectoryPort directory, EmailOutboxPort outbox, LinkTokens links,
                                PublishEventPort events, Clock clock) {
        this.directory = directory;
        this.outbox = outbox;
        this.links = links;
        this.events = events;
        this.clock = clock;
    }

    /** {@code portalUrl}: the brand's portal base URL (no trailing slash), for the links. */
    public record InviteCommand(PortalConfig config, CardView sender, List<String> friendEmails, String portalUrl) {
    }

    public record Invitations(List<String> invited, List<String> skipped, boolean tooMany) {
    }

    public Invitations invite(InviteCommand c) {
        Set<String> wanted = new LinkedHashSet<>();
        for (String raw : c.friendEmails()) {
            if (raw != null && !raw.isBlank()) {
                wanted.add(ProfileRules.normalizeEmail(raw));
            }
        }
        if (wanted.size() > MAX_FRIENDS) {
            return new Invitations(List.of(), List.copyOf(wanted), true);
        }
        String own = c.sender().card().primaryCustomer().flatMap(Customer::searchableEmail).orElse("");
        String firstName = c.sender().card().primaryCustomer().map(Customer::firstName).orElse(null);
        Instant now = clock.instant();
        List<String> invited = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (String friend : wanted) {
            if (!EMAIL.matcher(friend).matches() || friend.length() > ProfileRules.MAX_EMAIL || friend.equals(own)
                    || directory.find(c.config().brand(), ContactKey.email(friend)).isPresent()) {
                skipped.add(friend);
                continue;
            }
            String token = links.referral(c.config().brand(), c.sender().card().number(), friend, now);
            String id = "invite-" + Fingerprint.of(c.config().brand().value(), c.sender().card().number().value(), friend);
            String list = c.config().referral().orElseThrow().invitationList();
            outbox.enqueue(new EmailMessage(id, c.config().brand(), EmailKind.INVITATION, friend, list, Map.of(
                    "senderName", firstName == null ? "A friend" : firstName,
                    "joinUrl", c.portalUrl() + "/enroll?ref=" + token,
                    "preferencesUrl", c.portalUrl() + "/preferences?t=" + links.preferences(c.config().brand(), friend, now),
                    "unsubscribeUrl", links.unsubscribe().url(c.portalUrl(), c.config().brand(), list, friend, now)),
                    links.unsubscribe().headers(c.portalUrl(), c.config().brand(), list, friend, now)));
            invited.add(friend);
        }
        if (!invited.isEmpty()) {
            events.publish(List.of(new DomainEvent("invite-" + Fingerprint.of(c.sender().card().number().value(), invited, now),
                    "referral.invited", c.config().brand(), now,
                    Map.of("sender", c.sender().card().number().value(), "count", Integer.toString(invited.size())))));
        }
        return new Invitations(List.copyOf(invited), List.copyOf(skipped), false);
    }
}
