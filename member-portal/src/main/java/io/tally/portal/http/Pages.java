package io.tally.portal.http;

import gg.jte.html.OwaspHtmlTemplateOutput;
import gg.jte.output.StringOutput;
import io.tally.portal.http.View.BalanceLine;
import io.tally.portal.http.View.Challenge;
import io.tally.portal.http.View.FieldView;
import io.tally.portal.http.View.ListView;
import io.tally.portal.http.View.Page;
import io.tally.portal.templates.JtebalanceGenerated;
import io.tally.portal.templates.JteenrollGenerated;
import io.tally.portal.templates.JteenrolledGenerated;
import io.tally.portal.templates.JtemessageGenerated;
import io.tally.portal.templates.JtepreferencesGenerated;
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

    static String preferences(Page page, String token, String recipient, List<ListView> lists, boolean saved) {
        return render(o -> JtepreferencesGenerated.render(o, null, page, token, recipient, lists, saved));
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
