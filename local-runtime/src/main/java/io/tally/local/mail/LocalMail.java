package io.tally.local.mail;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The local runtime's mail server: GreenMail's SMTP on 127.0.0.1 captures every e-mail the portal sends, and
 * {@code /local/mail} shows them (newest first, links clickable) so invitation and preference links can be
 * followed on one machine. Local only: this page is not in the route table and is never deployed.
 */
public final class LocalMail implements AutoCloseable, HttpHandler {
    public static final String PAGE = "/local/mail";
    private static final Pattern URL = Pattern.compile("https?://[^\\s<>\"]+");
    private final GreenMail greenMail;

    private LocalMail(GreenMail greenMail) {
        this.greenMail = greenMail;
    }

    public static LocalMail start() {
        GreenMail mail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        mail.start();
        return new LocalMail(mail);
    }

    public int smtpPort() {
        return greenMail.getSmtp().getPort();
    }

    /** Captured messages, oldest first. */
    public List<Captured> messages() {
        List<Captured> list = new ArrayList<>();
        for (MimeMessage m : greenMail.getReceivedMessages()) {
            try {
                list.add(new Captured(String.join(", ", addresses(m)), m.getSubject(), text(m), listHeaders(m)));
            } catch (MessagingException | IOException e) {
                list.add(new Captured("?", "(unreadable message)", e.toString(), Map.of()));
            }
        }
        return list;
    }

    /** The captured messages as received, oldest first: for a test that reads a message's HTML part or its headers. */
    public List<MimeMessage> received() {
        return List.of(greenMail.getReceivedMessages());
    }

    /** One captured e-mail: recipients, subject, the plain-text body and its list headers (RFC 2369, RFC 8058). */
    public record Captured(String to, String subject, String text, Map<String, String> headers) {
    }

    private static Map<String, String> listHeaders(MimeMessage m) throws MessagingException {
        Map<String, String> headers = new TreeMap<>();
        for (String name : List.of("List-Unsubscribe", "List-Unsubscribe-Post")) {
            String value = m.getHeader(name, ", ");
            if (value != null) {
                headers.put(name, value);
            }
        }
        return headers;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>Local mail</title></head>"
                + "<body><main><h1>Mail sent by this local Tally</h1><p>Captured by the local SMTP server; newest first.</p>");
        List<Captured> all = messages();
        if (all.isEmpty()) {
            html.append("<p>No mail yet.</p>");
        }
        for (int i = all.size() - 1; i >= 0; i--) {
            Captured c = all.get(i);
            html.append("<article class=\"mail\"><h2>").append(escape(c.subject())).append("</h2><p>To: ")
                    .append(escape(c.to())).append("</p><pre>").append(linked(c.text())).append("</pre></article>");
        }
        html.append("</main></body></html>");
        answer(exchange, html.toString());
    }

    /** Answers a local page (the captured mail, the captured texts): HTML, never cached. */
    public static void answer(HttpExchange exchange, String html) throws IOException {
        byte[] body = html.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("content-type", "text/html; charset=utf-8");
        exchange.getResponseHeaders().set("cache-control", "no-store");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        greenMail.stop();
    }

    private static List<String> addresses(MimeMessage m) throws MessagingException {
        List<String> to = new ArrayList<>();
        for (var a : m.getAllRecipients()) {
            to.add(a.toString());
        }
        return to;
    }

    private static String text(MimeMessage m) throws MessagingException, IOException {
        Object content = m.getContent();
        if (content instanceof MimeMultipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart part = multipart.getBodyPart(i);
                if (part.isMimeType("text/plain")) {
                    return part.getContent().toString();
                }
            }
        }
        return GreenMailUtil.getBody(m);
    }

    private static String linked(String text) {
        Matcher matcher = URL.matcher(text);
        StringBuilder out = new StringBuilder();
        int last = 0;
        while (matcher.find()) {
            out.append(escape(text.substring(last, matcher.start())));
            String url = escape(matcher.group());
            out.append("<a href=\"").append(url).append("\">").append(url).append("</a>");
            last = matcher.end();
        }
        return out.append(escape(text.substring(last))).toString();
    }

    public static String escape(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
