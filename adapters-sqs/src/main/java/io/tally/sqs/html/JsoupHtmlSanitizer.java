package io.tally.sqs.html;

import io.tally.domain.communication.HtmlSanitizerPort;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;

/**
 * The templates' HTML sanitiser on jsoup's {@link Safelist}: jsoup parses the way browsers do (HTML5 tree building), so
 * what it keeps is what a mail client will see. The list is {@link Safelist#relaxed()} (text, headings, lists, tables,
 * links, images) with the presentational attributes e-mail layouts use and inline {@code style}; links only {@code http},
 * {@code https} and {@code mailto}, images {@code https}, {@code http} and {@code data}. Everything else goes: script,
 * style and link elements, event handlers, forms and inputs, frames, objects, SVG and MathML, {@code javascript:} and
 * other schemes. A {@code style} value that could fetch or run something ({@code url(}, {@code expression(},
 * {@code @import}, {@code behavior}, {@code javascript:}) is dropped whole.
 */
public final class JsoupHtmlSanitizer implements HtmlSanitizerPort {
    private static final Pattern RISKY_STYLE = Pattern.compile("url\\s*\\(|expression\\s*\\(|@import|behavio(u)?r|javascript:|\\\\");
    private static final String[] LAYOUT = {"align", "valign", "width", "height", "bgcolor", "border", "cellpadding",
            "cellspacing", "color", "dir", "style", "role", "lang"};
    private final Cleaner cleaner;

    public JsoupHtmlSanitizer() {
        Safelist list = Safelist.relaxed()
                .addTags("center", "font", "hr", "s", "del", "ins", "abbr", "address")
                .addAttributes(":all", LAYOUT)
                .addAttributes("font", "face", "size")
                .addAttributes("a", "target", "rel")
                .removeProtocols("a", "href", "ftp")
                .addProtocols("img", "src", "data");
        this.cleaner = new Cleaner(list);
    }

    @Override
    public String sanitize(String html) {
        Document clean = cleaner.clean(Jsoup.parseBodyFragment(html));
        for (Element e : clean.select("[style]")) {
            if (RISKY_STYLE.matcher(e.attr("style").toLowerCase(Locale.ROOT)).find()) {
                e.removeAttr("style");
            }
        }
        for (Element img : clean.select("img[src]")) {
            String src = img.attr("src").toLowerCase(Locale.ROOT).strip();
            if (src.startsWith("data:") && !src.matches("data:image/(png|gif|jpeg);base64,[a-z0-9+/=\\s]*")) {
                img.removeAttr("src");
            }
        }
        clean.outputSettings().prettyPrint(false);
        return clean.body().html();
    }
}
