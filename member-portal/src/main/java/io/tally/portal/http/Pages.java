package io.tally.portal.http;

import gg.jte.html.OwaspHtmlTemplateOutput;
import gg.jte.output.StringOutput;
import io.tally.portal.http.View.BalanceLine;
import io.tally.portal.http.View.Challenge;
import io.tally.portal.http.View.FieldView;
import io.tally.portal.http.View.ListView;
import io.tally.portal.http.View.Page;
import io.tally.portal.http.View.TextSet;
import io.tally.portal.http.View.CardSummary;
import io.tally.portal.http.View.CouponLine;
import io.tally.portal.http.View.EventLine;
import io.tally.portal.http.View.HistoryLine;
import io.tally.portal.http.View.HoldLine;
import io.tally.portal.templates.JteaccountGenerated;
import io.tally.portal.templates.JtebalanceGenerated;
import io.tally.portal.templates.JtecardGenerated;
import io.tally.portal.templates.JtelinkGenerated;
import io.tally.portal.templates.JteprofileGenerated;
import io.tally.portal.templates.JtesigninGenerated;
import io.tally.portal.templates.JteenrollGenerated;
import io.tally.portal.templates.JteenrolledGenerated;
import io.tally.portal.templates.JtemessageGenerated;
import io.tally.portal.templates.JtepreferencesGenerated;
import io.tally.portal.templates.JteunsubscribeGenerated;
import io.tally.portal.templates.JtereferGenerated;
import java.util.List;
import java.util.function.Consumer;

/** Renders the precompiled jte templates by calling their generated classes directly (no reflection, no compiler). */
final class Pages {
    private Pages() {
    }

    static String balance(Page page, String error, Challenge challenge, List<BalanceLine> balances, String lastFour) {
        return render(o -> JtebalanceGenerated.render(o, null, page, error, challenge, balances, lastFour));
    }

    static String enroll(Page page, List<FieldView> fields, String applicationId, String merchantId, String ref,
                         String formError) {
        return render(o -> JteenrollGenerated.render(o, null, page, fields, applicationId, merchantId, ref, formError));
    }

    static String enrolled(Page page, String cardNumber, String pin, String reward) {
        return render(o -> JteenrolledGenerated.render(o, null, page, cardNumber, pin, reward));
    }

    static String refer(Page page, String error, Challenge challenge, List<String> invited, List<String> skipped, int max) {
        return render(o -> JtereferGenerated.render(o, null, page, error, challenge, invited, skipped, max));
    }

    static String preferences(Page page, String token, String recipient, List<ListView> lists, List<TextSet> texts,
                              boolean saved) {
        return render(o -> JtepreferencesGenerated.render(o, null, page, token, recipient, lists, texts, saved));
    }

    static String unsubscribe(Page page, String token, String listName, String recipient) {
        return render(o -> JteunsubscribeGenerated.render(o, null, page, token, listName, recipient));
    }

    static String signIn(Page page, String error, boolean sent, boolean signedOut) {
        return render(o -> JtesigninGenerated.render(o, null, page, error, sent, signedOut));
    }

    static String link(Page page, String token, String recipient) {
        return render(o -> JtelinkGenerated.render(o, null, page, token, recipient));
    }

    static String account(Page page, String recipient, List<CardSummary> cards, String preferencesUrl) {
        return render(o -> JteaccountGenerated.render(o, null, page, recipient, cards, preferencesUrl));
    }

    static String card(Page page, String lastFour, String status, List<BalanceLine> balances, List<HoldLine> holds,
                       List<CouponLine> coupons, List<EventLine> events, List<HistoryLine> history, String nextPage) {
        return render(o -> JtecardGenerated.render(o, null, page, lastFour, status, balances, holds, coupons, events,
                history, nextPage));
    }

    static String profile(Page page, String recipient, List<FieldView> fields, String formError, boolean saved,
                          boolean editable) {
        return render(o -> JteprofileGenerated.render(o, null, page, recipient, fields, formError, saved, editable));
    }

    static String message(Page page, String heading, String text) {
        return render(o -> JtemessageGenerated.render(o, null, page, heading, text));
    }

    private static String render(Consumer<OwaspHtmlTemplateOutput> template) {
        StringOutput out = new StringOutput(8192);
        template.accept(new OwaspHtmlTemplateOutput(out));
        return out.toString();
    }
}
