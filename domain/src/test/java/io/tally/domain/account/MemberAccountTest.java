package io.tally.domain.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tally.domain.account.MemberSignInUseCase.LinkRequest;
import io.tally.domain.account.MemberSignInUseCase.Requested;
import io.tally.domain.account.MemberSignInUseCase.SignIn;
import io.tally.domain.card.CardNumber;
import io.tally.domain.email.EmailKind;
import io.tally.domain.email.EmailMessage;
import io.tally.domain.enrollment.EnrollUseCase;
import io.tally.domain.fakes.InMemoryCouponPort;
import io.tally.domain.fakes.InMemoryMemberSessions;
import io.tally.domain.fakes.MemberWorld;
import io.tally.domain.fakes.TestWorld;
import io.tally.domain.member.ContactKey;
import io.tally.domain.shared.SignedTokens;
import io.tally.domain.tenant.BrandId;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Passwordless sign-in and the member's own account on in-memory fakes. */
class MemberAccountTest {
    private final MemberWorld m = new MemberWorld();
    private final TestWorld w = m.world;
    private final InMemoryMemberSessions sessions = new InMemoryMemberSessions();
    private final SignInLinks links = new SignInLinks(new SignedTokens(new byte[32]));
    private final MemberSignInUseCase signIn = new MemberSignInUseCase(w.cards, sessions, m.stores, m.mail, links,
            w.random, w.clock);
    private final MemberAccountUseCase account = new MemberAccountUseCase(w.queries, new InMemoryCouponPort(),
            w.account, ProfileEventsSource.NONE, w.clock);

    private CardNumber join(String name, String email) {
        var result = m.join(Map.of("firstName", name, "email", email), Optional.empty(), "browser-" + name);
        return ((EnrollUseCase.Result.Enrolled) result).card();
    }

    private Requested request(String email, String client) {
        return signIn.request(new LinkRequest(m.config, email, client, "https://x/portal/ACME"));
    }

    private List<EmailMessage> signInMails() {
        return m.mail.queued().stream().filter(e -> e.kind() == EmailKind.SIGN_IN).toList();
    }

    private String token(EmailMessage mail) {
        String url = mail.value("signInUrl");
        assertTrue(url.startsWith("https://x/portal/ACME/link?t="), url);
        return url.substring(url.indexOf("?t=") + 3);
    }

    @Test
    void a_member_and_a_stranger_get_the_same_answer_and_only_the_member_gets_mail() {
        join("Ada", "ada@example.com");
        assertEquals(Requested.ANSWERED, request("ADA@example.com", "c1"));
        assertEquals(Requested.ANSWERED, request("nobody@example.com", "c1"));
        assertEquals(Requested.INVALID, request("not an address", "c1"));
        List<EmailMessage> mails = signInMails();
        assertEquals(1, mails.size());
        assertEquals("ada@example.com", mails.get(0).to());
        assertEquals(m.config.transactionalList().id(), mails.get(0).list(), "always delivered");
    }

    @Test
    void a_link_signs_in_once_and_not_after_fifteen_minutes_nor_at_another_brand() {
        join("Ada", "ada@example.com");
        request("ada@example.com", "c1");
        request("ada@example.com", "c1");
        String first = token(signInMails().get(0));
        String second = token(signInMails().get(1));
        assertEquals(Optional.empty(), signIn.peek(new BrandId("OTHER"), first));
        assertInstanceOf(SignIn.Invalid.class, signIn.signIn(new BrandId("OTHER"), first));
        assertInstanceOf(SignIn.Invalid.class, signIn.signIn(TestWorld.BRAND, first.substring(0, first.length() - 2) + "xx"));
        assertEquals(new SignIn.SignedIn(ContactKey.email("ada@example.com")), signIn.signIn(TestWorld.BRAND, first));
        assertInstanceOf(SignIn.AlreadyUsed.class, signIn.signIn(TestWorld.BRAND, first));
        w.clock.advance(SignInLinks.VALIDITY.plusSeconds(1));
        assertEquals(Optional.empty(), signIn.peek(TestWorld.BRAND, second));
        assertInstanceOf(SignIn.Invalid.class, signIn.signIn(TestWorld.BRAND, second));
    }

    @Test
    void an_address_gets_three_links_a_window_and_a_client_ten_requests() {
        join("Ada", "ada@example.com");
        for (int i = 0; i < 5; i++) {
            assertEquals(Requested.ANSWERED, request("ada@example.com", "c" + i));
        }
        assertEquals(MemberSignInUseCase.MAX_LINKS_PER_ADDRESS, signInMails().size());
        for (int i = 0; i < MemberSignInUseCase.MAX_REQUESTS_PER_CLIENT; i++) {
            assertEquals(Requested.ANSWERED, request("x" + i + "@example.com", "busy"));
        }
        assertEquals(Requested.RATE_LIMITED, request("y@example.com", "busy"));
        w.clock.advance(Duration.ofMinutes(15));
        assertEquals(Requested.ANSWERED, request("ada@example.com", "busy"));
        assertEquals(MemberSignInUseCase.MAX_LINKS_PER_ADDRESS + 1, signInMails().size());
    }

    @Test
    void a_member_sees_their_cards_and_never_another_members_card() {
        CardNumber ada = join("Ada", "ada@example.com");
        CardNumber bob = join("Bob", "bob@example.com");
        w.issue(ada, 500);
        ContactKey adaEmail = ContactKey.email("ada@example.com");
        assertEquals(List.of(ada), account.cards(TestWorld.BRAND, adaEmail).stream().map(v -> v.card().number()).toList());
        var detail = account.card(TestWorld.BRAND, adaEmail, ada, Optional.empty()).orElseThrow();
        assertTrue(detail.history().entries().size() >= 1, "the issue is in the history");
        assertEquals(List.of(), detail.events());
        assertEquals(Optional.empty(), account.card(TestWorld.BRAND, adaEmail, bob, Optional.empty()));
        assertEquals(Optional.empty(), account.card(TestWorld.BRAND, adaEmail, w.activeCard(), Optional.empty()),
                "a card without a customer is nobody's");
    }

    @Test
    void the_profile_is_checked_against_the_customer_model_and_keeps_the_email() {
        CardNumber ada = join("Ada", "ada@example.com");
        ContactKey email = ContactKey.email("ada@example.com");
        var missing = account.updateProfile(m.config, email, Map.of("firstName", " "));
        assertEquals(List.of("firstName"), List.copyOf(missing.problems().keySet()));
        var badNumber = account.updateProfile(m.config, email, Map.of("firstName", "Ada", "bd.cups", "many"));
        assertTrue(badNumber.problems().containsKey("bd.cups"), badNumber.problems().toString());
        var saved = account.updateProfile(m.config, email, Map.of("firstName", "Augusta", "email", "eve@example.com",
                "bd.cups", "3"));
        assertTrue(saved.saved(), saved.problems().toString());
        var card = w.cards.load(TestWorld.BRAND, ada).orElseThrow();
        assertEquals("Augusta", card.primaryCustomer().orElseThrow().firstName());
        assertEquals("ada@example.com", card.primaryCustomer().orElseThrow().email(), "the e-mail is not editable here");
        assertEquals("3", card.brandDemographics().get("cups"));
        assertEquals("Augusta", account.profile(TestWorld.BRAND, email).orElseThrow().customer().firstName());
    }
}
