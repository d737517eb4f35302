package io.tally.portal.sms;

import io.tally.domain.sms.SmsMessage;
import io.tally.domain.sms.SmsSenderPort;
import io.tally.sqs.sms.SmsJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The local runtime's SMS "provider": each text handed over is appended as one JSON line to a capture file (under
 * {@code target/} in tests and local runs), as GreenMail captures mail locally. Nothing leaves the machine; the local
 * runtime's {@code /local/sms} page and the tests read the file back.
 */
public final class CapturedSms implements SmsSenderPort {
    private final Path file;
    private final SmsJson json = new SmsJson();

    public CapturedSms(Path file) {
        this.file = file;
    }

    @Override
    public synchronized void send(SmsMessage message, boolean transactional) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, json.write(message) + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new UncheckedIOException("could not capture a text message", e);
        }
    }

    /** Every captured text, oldest first. */
    public synchronized List<SmsMessage> sent() {
        if (!Files.exists(file)) {
            return List.of();
        }
        try {
            List<SmsMessage> out = new ArrayList<>();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    out.add(json.read(line));
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the captured text messages", e);
        }
    }

    public Path file() {
        return file;
    }
}
