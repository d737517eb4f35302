package io.tally.domain.fakes;

import io.tally.domain.email.EmailMessage;
import io.tally.domain.email.EmailOutboxPort;
import io.tally.domain.email.EmailRendererPort;
import io.tally.domain.email.EmailSenderPort;
import io.tally.domain.email.RenderedEmail;
import io.tally.domain.portal.PortalConfig;
import java.util.ArrayList;
import java.util.List;

/** Outbox, renderer and sender in memory: queued messages and sent e-mails are kept for assertions. */
public final class RecordingMail implements EmailOutboxPort, EmailRendererPort, EmailSenderPort {
    private final List<EmailMessage> queued = new ArrayList<>();
    private final List<RenderedEmail> sent = new ArrayList<>();

    @Override
    public synchronized void enqueue(EmailMessage message) {
        queued.add(message);
    }

    @Override
    public RenderedEmail render(EmailMessage m, PortalConfig brand) {
        return new RenderedEmail(brand.fromAddress(), brand.displayName(), m.to(), m.kind().name(),
                m.values().toString(), "<p>" + m.kind() + "</p>");
    }

    @Override
    public synchronized void send(RenderedEmail email) {
        sent.add(email);
    }

    public synchronized List<EmailMessage> queued() {
        return List.copyOf(queued);
    }

    public synchronized List<RenderedEmail> sent() {
        return List.copyOf(sent);
    }
}
