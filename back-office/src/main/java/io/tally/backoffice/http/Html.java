package io.tally.backoffice.http;

import gg.jte.html.OwaspHtmlTemplateOutput;
import gg.jte.output.StringOutput;
import java.util.function.Consumer;

/**
 * Renders a precompiled jte template by calling its generated class directly (no reflection, no compiler at run
 * time): {@code Html.render(o -> JtelistGenerated.render(o, null, page, rows))}.
 */
public final class Html {
    private Html() {
    }

    public static String render(Consumer<OwaspHtmlTemplateOutput> template) {
        StringOutput out = new StringOutput(8192);
        template.accept(new OwaspHtmlTemplateOutput(out));
        return out.toString();
    }
}
