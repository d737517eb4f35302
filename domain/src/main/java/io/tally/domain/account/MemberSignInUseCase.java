package io.tally.domain.account;

import io.tally.domain.card.CardPort;
import io.tally.domain.card.CardSearch;
import io.tally.domain.card.CardStatus;
import io.tally.domain.card.ProfileRules;
import io.tally.domain.email.EmailKind;
import io.tally.domain.email.EmailMessage;
import io.tally.domain.email.EmailOutboxPort;
import io.tally.domain.member.AttemptCounterPort;
import io.tally.domain.member.ContactKey;
import io.tally.domain.member.VerifyCardUseCase;
import io.tally.domain.portal.PortalConfig;
import io.tally.domain.shared.Fingerprint;
import io.tally.domain.shared.RandomSource;
import io.tally.domain.tenant.BrandId;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Signing a member in without a password: a signed, short-lived link e-mailed to the address their card holds, which
 * signs in once. The request answers the same whether or not the address is a member's (no enumeration: only the
 * mailbox's owner learns it), and is budgeted per client and per address, so nobody can flood a mailbox or the mail
 * provider from one connection.
 */
public final class MemberSignInUseCase {
    /** Links mailed to one address per window (15 minutes); more requests are answered alike and send nothing. */
    public static final int MAX_LINKS_PER_ADDRESS = 3;
    /** Requests from one client per window, whatever the addresses. */
    public static final int MAX_REQUESTS_PER_CLIENT = 10;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}");
    private final CardPort cards;
    private final MemberSessionsPort sessions;
    private final AttemptCounterPort counters;
    private final EmailOutboxPort outbox;
    private final SignInLinks links;
    private final RandomSource random;
    private final Clock clock;

    public MemberSignInUseCase(CardPort cards, MemberSessionsPort sessions, AttemptCounterPort counters,
                               EmailOutboxPort outbox, SignInLinks links, RandomSource random, Clock clock) {
        this.cards = cards;
        this.sessions = sessions;
        this.counters = counters;
        this.outbox = outbox;
        this.links = links;
        this.random = random;
        this.clock = clock;
    }

    /** {@code client}: a keyed name of the client's address; {@code portalUrl}: the brand's pages, no trailing slash. */
    public record LinkRequest(PortalConfig config, String email, String client, String portalUrl) {
    }

    public enum Requested {
        /** The page says "if that address is a member's, a link is on its way", whatever happened. */
        ANSWERED,
        /** Not an e-mail address: the form says so (it tells nothing about members). */
        INVALID,
        /** The client is over its budget: wait. */
        RATE_LIMITED
    }

    public Requested request(LinkRequest r) {
        String email = r.email() == null ? "" : ProfileRules.normalizeEmail(r.email().strip());
        if (email.length() > ProfileRules.MAX_EMAIL || !EMAIL.matcher(email).matches()) {
            return Requested.INVALID;
        }
        BrandId brand = r.config().brand();
        Instant window = window();
        Instant forget = window.plus(VerifyCardUseCase.WINDOW).plus(VerifyCardUseCase.WINDOW);
        if (counters.increment("signin-client#" + brand.value() + "#" + r.client(), window, forget) > MAX_REQUESTS_PER_CLIENT) {
            return Requested.RATE_LIMITED;
        }
        if (counters.increment("signin#" + brand.value() + "#" + Fingerprint.of(email), window, forget) > MAX_LINKS_PER_ADDRESS
                || !isMember(brand, email)) {
            return Requested.ANSWERED;
        }
        byte[] id = new byte[18];
        random.nextBytes(id);
        String linkId = Base64.getUrlEncoder().withoutPadding().encodeToString(id);
        String token = links.sign(brand, email, linkId, clock.instant());
        outbox.enqueue(new EmailMessage("signin-" + linkId, brand, EmailKind.SIGN_IN, email,
                r.config().transactionalList().id(), Map.of("signInUrl", r.portalUrl() + "/link?t=" + token,
                "minutes", Long.toString(SignInLinks.VALIDITY.toMinutes()))));
        return Requested.ANSWERED;
    }

    /** What following a link does. */
    public sealed interface SignIn {
        /** Signed in as the member with this e-mail. */
        record SignedIn(ContactKey email) implements SignIn {
        }

        /** Expired, altered, another brand's, or the address no longer holds a card. */
        record Invalid() implements SignIn {
        }

        /** The link was used already: each signs in once. */
        record AlreadyUsed() implements SignIn {
        }
    }

    /** The link's address, if the token is good now (the page that asks to confirm; nothing is used up). */
    public Optional<ContactKey> peek(BrandId brand, String token) {
        return links.verify(brand, token, clock.instant()).map(SignInLinks.Link::email);
    }

    /** Uses the link up (one conditional write decides between two clicks) and signs its member in. */
    public SignIn signIn(BrandId brand, String token) {
        Optional<SignInLinks.Link> link = links.verify(brand, token, clock.instant());
        if (link.isEmpty()) {
            return new SignIn.Invalid();
        }
        if (!sessions.consumeLink(brand, link.get().linkId(), link.get().expires().plus(SignInLinks.VALIDITY))) {
            return new SignIn.AlreadyUsed();
        }
        return isMember(brand, link.get().email().value()) ? new SignIn.SignedIn(link.get().email()) : new SignIn.Invalid();
    }

    private boolean isMember(BrandId brand, String email) {
        CardSearch byEmail = new CardSearch.ByEmail(email);
        return cards.search(brand, byEmail, MemberAccountUseCase.MAX_CARDS).stream()
                .anyMatch(c -> c.status() == CardStatus.ACTIVE && byEmail.matches(c));
    }

    private Instant window() {
        long seconds = VerifyCardUseCase.WINDOW.getSeconds();
        return Instant.ofEpochSecond(clock.instant().getEpochSecond() / seconds * seconds);
    }
}
