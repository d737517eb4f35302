package io.tally.domain.communication;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.tally.domain.card.Card;
import io.tally.domain.card.CardNumber;
import io.tally.domain.card.Customer;
import io.tally.domain.communication.TemplateSms.Built;
import io.tally.domain.fakes.MemberWorld;
import io.tally.domain.fakes.TestWorld;
import io.tally.domain.ledger.CardView;
import io.tally.domain.sms.SmsMessage;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A template's text part as one card's text message: merged raw, its phone in E.164, its id per mailing and card. */
class TemplateSmsTest {
    private final MemberWorld m = new MemberWorld();
    private final TestWorld w = m.world;

    private CardView card(String phone) {
        CardNumber number = w.activeCard();
        Card card = w.cards.load(TestWorld.BRAND, number).orElseThrow();
        w.cards.update(card.withProfile(Optional.empty(), Optional.of(new Customer("<Ada>", "Lovelace", "ada@example.com",
                phone, null, null, null, null, null, null, null, null)), Optional.empty(), Map.of(), Map.of(),
                Map.of(), card.enrolledAt()));
        w.issue(number, 1250);
        return w.queries.lookup(TestWorld.BRAND, number, Optional.empty()).value();
    }

    private static EmailTemplate template(String text) {
        return new EmailTemplate(TestWorld.BRAND, "t1", "Spring", "Subject {{customer.firstName}}", "<p>html</p>", text,
                Instant.EPOCH, "s-1", 1);
    }

    @Test
    void the_text_part_is_merged_raw_and_addressed_to_the_cards_phone() {
        CardView view = card("+44 20 7946 0018");
        var built = TemplateSms.build("send-s1", "news", m.config, view, template(
                "Hi {{customer.firstName | friend}},   \n\n\n\nyou have {{balance Currency:USD}} USD. {{customer.lastName}}"),
                w.programs.catalogue(TestWorld.BRAND).valueTypes(), Optional.empty(), Optional.empty(), Map.of());
        SmsMessage sms = assertInstanceOf(Built.Message.class, built).sms();
        assertEquals("sms-send-s1-" + view.card().number().value(), sms.id());
        assertEquals("+442079460018", sms.to());
        assertEquals("news", sms.list());
        assertEquals("Hi <Ada>,\n\nyou have 12.50 USD. Lovelace\nReply STOP to opt out", sms.text(),
                "raw, no HTML escaping, blanks folded, the opt-out hint at the end");
    }

    @Test
    void a_promotional_text_ends_with_the_opt_out_hint_unless_it_has_one_a_transactional_text_never() {
        CardView view = card("+15550100123");
        var types = w.programs.catalogue(TestWorld.BRAND).valueTypes();
        assertEquals("Hi <Ada>, your code is 7.", text(TemplateSms.build("send-s1", "account", m.config, view,
                template("Hi {{customer.firstName}}, your code is 7."), types, Optional.empty(), Optional.empty(),
                Map.of())), "the transactional list: no hint");
        assertEquals("Sale today. Text STOP to end these.", text(TemplateSms.build("send-s1", "news", m.config, view,
                template("Sale today. Text STOP to end these."), types, Optional.empty(), Optional.empty(), Map.of())),
                "the brand's own opt-out wording stands");
        assertEquals("NON-STOP deals today.\nReply STOP to opt out", text(TemplateSms.build("send-s1", "news",
                m.config, view, template("NON-STOP deals today."), types, Optional.empty(), Optional.empty(), Map.of())),
                "the word alone is no instruction");
        assertEquals("Stop by today.\nReply STOP to opt out", text(TemplateSms.build("send-s1", "news", m.config,
                view, template("Stop by today."), types, Optional.empty(), Optional.empty(), Map.of())));
        assertEquals("x\nReply STOP to opt out", text(TemplateSms.build("send-s1", "no-such-list", m.config, view,
                template("x"), types, Optional.empty(), Optional.empty(), Map.of())), "an unknown list: promotional");
        assertEquals(5, assertInstanceOf(Built.TooLong.class, TemplateSms.build("send-s1", "news", m.config, view,
                template("x".repeat(600)), types, Optional.empty(), Optional.empty(), Map.of())).segments(),
                "600 characters fit 4 segments, not with the hint");
        assertInstanceOf(Built.Message.class, TemplateSms.build("send-s1", "account", m.config, view,
                template("x".repeat(600)), types, Optional.empty(), Optional.empty(), Map.of()));
    }

    private static String text(Built built) {
        return assertInstanceOf(Built.Message.class, built).sms().text();
    }

    @Test
    void no_phone_with_its_country_an_empty_or_too_long_text_is_no_message() {
        var types = w.programs.catalogue(TestWorld.BRAND).valueTypes();
        assertInstanceOf(Built.NoPhone.class, TemplateSms.build("send-s1", "news", m.config, card("020 7946 0018"),
                template("Hi"), types, Optional.empty(), Optional.empty(), Map.of()));
        CardView view = card("+15550100123");
        assertInstanceOf(Built.NoText.class, TemplateSms.build("send-s1", "news", m.config, view,
                template("{{customer.address1}}"), types, Optional.empty(), Optional.empty(), Map.of()));
        assertEquals(5, assertInstanceOf(Built.TooLong.class, TemplateSms.build("send-s1", "news", m.config, view,
                template("x".repeat(610) + "{{customer.lastName}}"), types, Optional.empty(), Optional.empty(),
                Map.of())).segments());
    }
}
