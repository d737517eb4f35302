package io.tally.portal.email;

import gg.jte.html.OwaspHtmlTemplateOutput;
import gg.jte.output.StringOutput;
import io.tally.domain.email.EmailMessage;
import io.tally.domain.email.EmailRendererPort;
import io.tally.domain.email.RenderedEmail;
import io.tally.domain.portal.PortalConfig;
import io.tally.portal.templates.email.JteinvitationGenerated;
import io.tally.portal.templates.email.JtereportGenerated;
import io.tally.portal.templates.email.JtesigninGenerated;
import io.tally.portal.templates.email.JtewelcomeGenerated;

/** The brand's e-mails from precompiled jte templates (HTML) with a plain-text twin. Senders never supply text. */
public final class JteEmailRenderer implements EmailRendererPort {
    @Override
    public RenderedEmail render(EmailMessage m, PortalConfig brand) {
        StringOutput out = new StringOutput();
        var html = new OwaspHtmlTemplateOutput(out);
        String brandName = brand.displayName();
        return switch (m.kind()) {
            case WELCOME -> {
                String balanceUrl = m.value("portalUrl") + "/balance";
                JtewelcomeGenerated.render(html, null, brandName, m.value("firstName"), m.value("cardLastFour"), balanceUrl,
                        m.value("preferencesUrl"));
                yield new RenderedEmail(brand.fromAddress(), brandName, m.to(), "Welcome to " + brandName + " rewards",
                        "Welcome" + (m.value("firstName").isEmpty() ? "" : ", " + m.value("firstName")) + "!\n\n"
                                + "You are now a member of " + brandName + " rewards. Your card ends in " + m.value("cardLastFour")
                                + ".\n\nCheck your balance: " + balanceUrl + "\n\nE-mail preferences: " + m.value("preferencesUrl") + "\n",
                        out.toString());
            }
            case INVITATION -> {
                JteinvitationGenerated.render(html, null, brandName, m.value("senderName"), m.value("joinUrl"),
                        m.value("preferencesUrl"), m.value("unsubscribeUrl"));
                yield new RenderedEmail(brand.fromAddress(), brandName, m.to(),
                        m.value("senderName") + " invites you to " + brandName + " rewards",
                        m.value("senderName") + " invites you to " + brandName + " rewards.\n"
                                + "Join through this invitation and you both earn a reward:\n" + m.value("joinUrl")
                                + "\n\nUnsubscribe from invitations: " + m.value("unsubscribeUrl")
                                + "\nE-mail preferences: " + m.value("preferencesUrl") + "\n",
                        out.toString());
            }
            case SIGN_IN -> {
                JtesigninGenerated.render(html, null, brandName, m.value("signInUrl"), m.value("minutes"));
                yield new RenderedEmail(brand.fromAddress(), brandName, m.to(), "Sign in to your " + brandName + " account",
                        "Open this link to sign in to your " + brandName + " rewards account. It works once, for "
                                + m.value("minutes") + " minutes:\n" + m.value("signInUrl")
                                + "\n\nDid not ask to sign in? Ignore this e-mail: nobody can sign in without the link.\n",
                        out.toString());
            }
            case TEMPLATE -> throw new IllegalArgumentException(
                    "a brand template is rendered from its stored version, not from jte: " + m.id());
            case REPORT_READY -> {
                JtereportGenerated.render(html, null, brandName, m.value("reportName"), m.value("rows"),
                        m.value("downloadUrl"), m.value("expires"));
                yield new RenderedEmail(brand.fromAddress(), brandName, m.to(), "Your " + brandName + " report is ready",
                        m.value("reportName") + ": " + m.value("rows") + " rows.\n\nDownload the CSV (sign in to the back "
                                + "office first; the link works until " + m.value("expires") + "):\n"
                                + m.value("downloadUrl") + "\n",
                        out.toString());
            }
        };
    }
}
