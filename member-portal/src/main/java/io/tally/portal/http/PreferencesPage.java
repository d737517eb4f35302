package io.tally.portal.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.tally.domain.account.MemberAccountUseCase;
import io.tally.domain.member.ContactKey;
import io.tally.domain.member.LinkTokens;
import io.tally.domain.member.PreferencesUseCase;
import io.tally.domain.member.PreferencesUseCase.ListChoice;
import io.tally.domain.portal.PortalConfig;
import io.tally.domain.sms.SmsMessage;
import io.tally.portal.http.PortalApp.Ctx;
import io.tally.portal.http.View.ListView;
import io.tally.portal.http.View.Page;
import io.tally.portal.http.View.TextSet;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /preferences?t=}: the recipient's lists, from the signed link of every e-mail (and the account page). The
 * e-mail's boxes, and for a member whose cards name a phone texts reach, a "Text messages" set per phone (the cards'
 * phones by their e-mail, A82; each phone's choices under its E.164 digits, A102). Every box is posted as the page
 * showed it ({@code shown}), so only the boxes the member changed are written; a phone the page did not show (a card
 * changed in between) is not written at all. The link is the authority: it names the e-mail, whose cards name the
 * phones.
 */
final class PreferencesPage {
    private final PortalApp app;
    private final PortalSecurity security;
    private final PreferencesUseCase preferences;
    private final LinkTokens links;
    private final Optional<MemberAccountUseCase> accounts;
    private final Clock clock;

    /** @param accounts the member's cards by e-mail, for their phones; without it the page shows e-mail boxes only */
    PreferencesPage(PortalApp app, PortalSecurity security, PreferencesUseCase preferences, LinkTokens links,
                    Optional<MemberAccountUseCase> accounts, Clock clock) {
        this.app = app;
        this.security = security;
        this.preferences = preferences;
        this.links = links;
        this.accounts = accounts;
        this.clock = clock;
    }

    APIGatewayV2HTTPResponse handle(Ctx ctx, boolean post) {
        PortalRequest r = ctx.request();
        String token = post ? r.field("t") : r.query().getOrDefault("t", "");
        PortalConfig config = ctx.config();
        Optional<ContactKey> email = links.verifyPreferences(config.brand(), token, clock.instant());
        if (email.isEmpty()) {
            return app.html(ctx, 403, Pages.message(ctx.page("E-mail preferences", "", security),
                    "This link has expired",
                    "Preference links work for a year. Use the link at the bottom of a recent e-mail from us."),
                    List.of());
        }
        List<ListChoice> mail = post
                ? preferences.update(config, email.get(), new HashSet<>(r.fields("list")), shown(r.fields("shown")))
                : preferences.view(config, email.get());
        List<TextSet> texts = new ArrayList<>();
        for (String phone : accounts.map(a -> a.phones(config.brand(), email.get())).orElse(List.of())) {
            ContactKey key = SmsMessage.choicesKey(phone).orElseThrow();
            String id = links.phoneField(key);
            List<String> shown = r.fields("shown-" + id);
            List<ListChoice> choices = post && !shown.isEmpty()
                    ? preferences.update(config, key, new HashSet<>(r.fields("text-" + id)), shown(shown))
                    : preferences.view(config, key);
            if (!choices.isEmpty()) {
                texts.add(new TextSet(id, "•••" + phone.substring(phone.length() - 4), views(choices)));
            }
        }
        Page page = ctx.page(texts.isEmpty() ? "E-mail preferences" : "E-mail and text preferences", "", security);
        return app.html(ctx, 200, Pages.preferences(page, token, PortalApp.masked(email.get().value()), views(mail),
                texts, post), List.of());
    }

    /** The page's {@code shown} fields, {@code <list id>:on|off}: each box as the page showed it. */
    static Map<String, Boolean> shown(List<String> fields) {
        Map<String, Boolean> shown = new HashMap<>();
        for (String f : fields) {
            int colon = f.lastIndexOf(':');
            if (colon > 0) {
                shown.put(f.substring(0, colon), f.endsWith(":on"));
            }
        }
        return shown;
    }

    private static List<ListView> views(List<ListChoice> choices) {
        return choices.stream().map(c -> new ListView(c.list().id(), c.list().name(), c.on(), c.locked())).toList();
    }
}
