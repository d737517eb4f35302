package io.tally.domain.delivery;

import io.tally.domain.communication.TemplateMail;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The last step of rendering a template mail's HTML part ({@code html -> html}): every {@code http(s)} link of an
 * {@code <a href>} becomes our signed click redirect ({@code <portal>/c?t=…}), except the unsubscribe and preferences
 * links (they must work as they are, and are no clicks of the mailing), and the 1x1 tracking image
 * ({@code <portal>/o?t=…}) goes at the end of the body. Input is the sanitised HTML (attribute values double-quoted,
 * {@code &} escaped), as the template path produces it.
 */
public final class TrackedHtml {
    private static final Pattern HREF = Pattern.compile("(<a\\s[^>]*?\\bhref=\")(https?://[^\"]*)(\")",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern BODY_END = Pattern.compile("</body>", Pattern.CASE_INSENSITIVE);
    private final TrackingLinks links;

    public TrackedHtml(TrackingLinks links) {
        this.links = links;
    }

    /**
     * {@code portalUrl}: the brand's portal base URL, no trailing slash (as for {@code UnsubscribeLinks.url});
     * {@code now}: the signing instant (the tokens' validity starts then).
     */
    public String apply(String html, TemplateMail mail, String portalUrl, Instant now) {
        Matcher m = HREF.matcher(html);
        StringBuilder out = new StringBuilder(html.length() + 512);
        while (m.find()) {
            String url = unescape(m.group(2));
            String replacement = ours(url, portalUrl) || url.length() > TrackingLinks.MAX_URL_LENGTH ? m.group(2)
                    : portalUrl + "/c?t=" + links.clickToken(mail, url, now);
            m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + replacement + m.group(3)));
        }
        m.appendTail(out);
        String image = "<img src=\"" + portalUrl + "/o?t=" + links.openToken(mail, now)
                + "\" width=\"1\" height=\"1\" alt=\"\" style=\"display:block;border:0\">";
        Matcher end = BODY_END.matcher(out);
        if (end.find()) {
            return out.substring(0, end.start()) + image + out.substring(end.start());
        }
        return out + image;
    }

    private static boolean ours(String url, String portalUrl) {
        return url.startsWith(portalUrl + "/unsubscribe") || url.startsWith(portalUrl + "/preferences");
    }

    private static String unescape(String attribute) {
        return attribute.replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&amp;", "&");
    }
}
