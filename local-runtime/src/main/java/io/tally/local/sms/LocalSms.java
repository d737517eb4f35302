package io.tally.local.sms;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.tally.domain.sms.SmsMessage;
import io.tally.local.mail.LocalMail;
import io.tally.portal.sms.CapturedSms;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The local runtime's text messages: the SMS sender captures them to a JSON-lines file ({@link CapturedSms}) instead of
 * sending, and {@code /local/sms} shows them, as {@code /local/mail} shows the mail GreenMail caught.
 */
public final class LocalSms implements HttpHandler {
    public static final String PAGE = "/local/sms";
    private final CapturedSms captured;

    private LocalSms(CapturedSms captured) {
        this.captured = captured;
    }

    /** A fresh capture file in {@code directory} (one per local run). */
    public static LocalSms in(Path directory) {
        try {
            Files.createDirectories(directory);
            return new LocalSms(new CapturedSms(Files.createTempFile(directory.toAbsolutePath(), "sms-", ".jsonl")));
        } catch (IOException e) {
            throw new UncheckedIOException("no SMS capture file", e);
        }
    }

    public Path file() {
        return captured.file();
    }

    public List<SmsMessage> messages() {
        return captured.sent();
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>Local texts</title></head>"
                + "<body><main><h1>Texts sent by this local Tally</h1><p>Captured instead of sent; newest first.</p>");
        List<SmsMessage> all = messages();
        if (all.isEmpty()) {
            html.append("<p>No texts yet.</p>");
        }
        for (int i = all.size() - 1; i >= 0; i--) {
            SmsMessage m = all.get(i);
            html.append("<article class=\"sms\"><h2>To ").append(LocalMail.escape(m.to())).append("</h2><p>List ")
                    .append(LocalMail.escape(m.list())).append(", message ").append(LocalMail.escape(m.id()))
                    .append("</p><pre>").append(LocalMail.escape(m.text())).append("</pre></article>");
        }
        html.append("</main></body></html>");
        LocalMail.answer(exchange, html.toString());
    }
}
