package io.tally.portal.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.tally.domain.communication.UnsubscribeUseCase;
import io.tally.domain.communication.UnsubscribeUseCase.Answer;
import io.tally.portal.http.PortalApp.Ctx;
import io.tally.portal.http.View.Page;
import java.util.List;

/**
 * {@code /unsubscribe?t=}: the link of every promotional e-mail. GET shows a page with one button and changes nothing
 * (mail scanners follow links); POST unsubscribes at once, with no session and no CSRF token: the signed link is the
 * authority, and mail providers post {@code List-Unsubscribe=One-Click} to it (RFC 8058) without a browser. The token
 * comes in the query (one-click) or the form (the button). Answers 200 for a good link, also the second time.
 */
final class UnsubscribePage {
    private final PortalApp app;
    private final PortalSecurity security;
    private final UnsubscribeUseCase unsubscribe;

    UnsubscribePage(PortalApp app, PortalSecurity security, UnsubscribeUseCase unsubscribe) {
        this.app = app;
        this.security = security;
        this.unsubscribe = unsubscribe;
    }

    APIGatewayV2HTTPResponse handle(Ctx ctx, boolean post) {
        String token = ctx.request().query().getOrDefault("t", "");
        if (token.isEmpty() && post) {
            token = ctx.request().field("t");
        }
        Page page = ctx.page("Unsubscribe", "", security);
        Answer answer = post ? unsubscribe.unsubscribe(ctx.config(), token) : unsubscribe.look(ctx.config(), token);
        if (answer instanceof Answer.Expired) {
            return app.html(ctx, 410, Pages.message(page, "This unsubscribe link has expired",
                    "Unsubscribe links work for 400 days. Use the link at the bottom of a recent e-mail from us, or the "
                            + "e-mail preferences in your account."), List.of());
        }
        if (!(answer instanceof Answer.ForList forList)) {
            return app.html(ctx, 400, Pages.message(page, "This unsubscribe link is not valid",
                    "It may have been cut short when it was copied. Open it from the e-mail itself, or change your "
                            + "e-mail preferences in your account."), List.of());
        }
        String recipient = PortalApp.masked(forList.email().value());
        if (post) {
            return app.html(ctx, 200, Pages.message(page, "You are unsubscribed", "We will not send " + forList.list().name()
                    + " to " + recipient + " any more. Messages about your account still reach you."), List.of());
        }
        return app.html(ctx, 200, Pages.unsubscribe(page, token, forList.list().name(), recipient), List.of());
    }
}
