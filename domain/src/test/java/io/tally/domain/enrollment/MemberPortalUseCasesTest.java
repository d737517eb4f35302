package io.tally.domain.enrollment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tally.domain.card.CardNumber;
import io.tally.domain.email.DeliverEmailUseCase;
import io.tally.domain.email.EmailKind;
import io.tally.domain.email.EmailMessage;
import io.tally.domain.enrollment.EnrollUseCase.EnrollCommand;
import io.tally.domain.enrollment.EnrollUseCase.Result;
import io.tally.domain.fakes.InMemoryMemberStores;
import io.tally.domain.fakes.MemberWorld;
import io.tally.domain.fakes.RecordingMail;
import io.tally.domain.fakes.TestWorld;
import io.tally.domain.ledger.EntryType;
import io.tally.domain.member.ContactKey;
import io.tally.domain.member.LinkTokens;
import io.tally.domain.member.PreferencesUseCase;
import io.tally.domain.member.VerifyCardUseCase;
import io.tally.domain.member.VerifyCardUseCase.Access;
import io.tally.domain.member.VerifyCardUseCase.VerifyCommand;
import io.tally.domain.portal.PortalConfig;
import io.tally.domain.referral.InviteFriendsUseCase;
import io.tally.domain.referral.RewardReferralUseCase;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Enrollment, balance access, referrals, preferences and e-mail delivery on the in-memory fakes. */
class MemberPortalUseCasesTest {
    private final MemberWorld m = new MemberWorld();
    private final TestWorld world = m.world;
    private final InMemoryMemberStores stores = m.stores;
    private final RecordingMail mail = m.mail;
    private final LinkTokens links = m.links;
    private final PortalConfig config = m.config;
    private final RewardReferralUseCase reward = m.reward;
    private final EnrollUseCase enroll = m.enroll;
    private final VerifyCardUseCase verify = new VerifyCardUseCase(world.cards, world.queries, stores, world.clock);
    private final InviteFriendsUseCase invite = new InviteFriendsUseCase(stores, mail, links, world.events, world.clock);

    private Result join(String email, String phone, Optional<String> ref) {
        return m.join(Map.of("firstName", "Ada", "email", email, "phone", phone), ref, "browser-1");
    }

    private Result.Enrolled member(String email, String phone) {
        return (Result.Enrolled) join(email, phone, Optional.empty());
    }

    @Test
    void enrollment_allocates_a_card_writes_the_enroll_entry_and_queues_the_welcome() {
        Result.Enrolled ada = member("ada@example.com", "+1 555 0100");
        assertEquals(EntryType.ENROLL, world.ledger.head(TestWorld.BRAND, ada.card()).orElseThrow().type());
        assertTrue(world.cards.load(TestWorld.BRAND, ada.card()).orElseThrow().enrolled());
        assertEquals(EmailKind.WELCOME, mail.queued().get(0).kind());
        assertTrue(world.events.published().stream().anyMatch(e -> e.type().equals("member.enrolled")));
    }

    @Test
    void the_same_email_or_phone_cannot_enroll_twice_and_required_fields_are_enforced() {
        member("ada@example.com", "+1 555 0100");
        assertInstanceOf(Result.AlreadyMember.class, join("ADA@example.com", "+1 555 0199", Optional.empty()));
        assertInstanceOf(Result.AlreadyMember.class, join("other@example.com", "1-555-0100", Optional.empty()));
        var invalid = (Result.Invalid) enroll.enroll(new EnrollCommand(config, "portal-app", "store-1",
                Map.of("email", "nope"), Optional.empty(), "u", "r", "b"));
        assertEquals(Set.of("firstName", "email"), invalid.problems().keySet());
        assertInstanceOf(Result.Invalid.class, enroll.enroll(new EnrollCommand(config, "other-app", "store-1",
                Map.of("firstName", "A", "email", "a@b.co"), Optional.empty(), "u", "r", "b")));
    }

    @Test
    void a_referral_rewards_both_once_per_friend_and_never_the_sender_themselves() {
        Result.Enrolled ada = member("ada@example.com", "+1 555 0100");
        var view = world.queries.lookup(TestWorld.BRAND, ada.card(), Optional.empty()).value();
        var invited = invite.invite(new InviteFriendsUseCase.InviteCommand(config, view,
                List.of("bob@example.com", "ada@example.com", "bad"), "https://x/portal/ACME"));
        assertEquals(List.of("bob@example.com"), invited.invited());
        String url = mail.queued().stream().filter(m -> m.kind() == EmailKind.INVITATION).findFirst().orElseThrow().value("joinUrl");
        String token = url.substring(url.indexOf("ref=") + 4);

        Result.Enrolled bob = (Result.Enrolled) join("bob@example.com", "+1 555 0200", Optional.of(token));
        assertInstanceOf(RewardReferralUseCase.Result.Rewarded.class, bob.referral().orElseThrow());
        assertEquals(100, points(ada.card()));
        assertEquals(50, points(bob.card()));

        // the same friend again (a retry) pays nothing more
        reward.reward(config, ada.card(), bob.card(), "again");
        assertEquals(100, points(ada.card()));
        assertEquals(50, points(bob.card()));
        // another sender claiming the same friend gets nothing
        Result.Enrolled cy = member("cy@example.com", "+1 555 0300");
        assertInstanceOf(RewardReferralUseCase.Result.NotEligible.class, reward.reward(config, cy.card(), bob.card(), "x"));
        // self-referral: a sender's own token used to enroll... is refused by de-dup; the reward rule refuses it too
        assertInstanceOf(RewardReferralUseCase.Result.NotEligible.class, reward.reward(config, ada.card(), ada.card(), "x"));
        assertEquals(0, points(cy.card()));
    }

    @Test
    void wrong_pin_and_unknown_card_are_the_same_denial_and_lock_out_after_five() {
        Result.Enrolled ada = member("ada@example.com", "+1 555 0100");
        assertInstanceOf(Access.Granted.class, verify.verify(new VerifyCommand(TestWorld.BRAND, ada.card().value(), ada.pin(), "c1", false)));
        CardNumber unknown = world.poolCard(TestWorld.BRAND);
        assertEquals(new Access.Denied(), verify.verify(new VerifyCommand(TestWorld.BRAND, unknown.value(), "0000", "c2", false)));
        assertEquals(new Access.Denied(), verify.verify(new VerifyCommand(TestWorld.BRAND, ada.card().value(), "9999", "c3", false)));
        for (int i = 0; i < VerifyCardUseCase.MAX_WRONG_PINS_PER_CARD - 1; i++) {
            verify.verify(new VerifyCommand(TestWorld.BRAND, ada.card().value(), "9999", "c" + (10 + i), false));
        }
        assertEquals(new Access.LockedOut(), verify.verify(new VerifyCommand(TestWorld.BRAND, ada.card().value(), ada.pin(), "c20", false)));
    }

    @Test
    void a_failing_client_is_challenged_then_rate_limited() {
        for (int i = 0; i < VerifyCardUseCase.CHALLENGE_AFTER_FAILURES; i++) {
            verify.verify(new VerifyCommand(TestWorld.BRAND, "6036000000000000000", "1", "bot", false));
        }
        assertTrue(verify.suspicious(TestWorld.BRAND, "bot"));
        assertEquals(new Access.ChallengeRequired(), verify.verify(new VerifyCommand(TestWorld.BRAND, "x", "1", "bot", false)));
        for (int i = 0; i < VerifyCardUseCase.MAX_ATTEMPTS_PER_CLIENT; i++) {
            verify.verify(new VerifyCommand(TestWorld.BRAND, "x", "1", "bot", true));
        }
        assertEquals(new Access.RateLimited(), verify.verify(new VerifyCommand(TestWorld.BRAND, "x", "1", "bot", true)));
    }

    @Test
    void preferences_change_at_once_and_unsubscribed_lists_are_not_mailed_and_nothing_is_sent_twice() {
        var prefs = new PreferencesUseCase(stores, world.events, world.clock);
        ContactKey bob = ContactKey.email("bob@example.com");
        assertTrue(prefs.view(config, bob).stream().filter(c -> c.list().id().equals("invitations")).findFirst().orElseThrow().on());
        var after = prefs.update(config, bob, Set.of("news", "account"), Map.of());
        assertTrue(after.stream().allMatch(c -> c.list().id().equals("invitations") != c.on()));
        assertTrue(world.events.published().stream().anyMatch(e -> e.type().equals("member.preferences")));

        stores.save(config);
        var deliver = new DeliverEmailUseCase(stores, stores, stores, mail, mail, world.clock);
        var invitation = new EmailMessage("invite-1", TestWorld.BRAND, EmailKind.INVITATION, "bob@example.com", "invitations", Map.of());
        assertEquals(DeliverEmailUseCase.Delivery.UNSUBSCRIBED, deliver.deliver(invitation));
        var welcome = new EmailMessage("welcome-1", TestWorld.BRAND, EmailKind.WELCOME, "bob@example.com", "account", Map.of());
        assertEquals(DeliverEmailUseCase.Delivery.SENT, deliver.deliver(welcome));
        assertEquals(DeliverEmailUseCase.Delivery.ALREADY_SENT, deliver.deliver(welcome));
        assertEquals(1, mail.sent().size());
    }

    private long points(CardNumber card) {
        return world.ledger.head(TestWorld.BRAND, card).orElseThrow().stateAfter().balance(TestWorld.POINTS).total();
    }
}
