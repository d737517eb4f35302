package io.tally.domain.email;

/** Hands a rendered e-mail to the mail provider (SES on AWS, SMTP elsewhere). Throws when it was not accepted. */
public interface EmailSenderPort {
    void send(RenderedEmail email);
}
