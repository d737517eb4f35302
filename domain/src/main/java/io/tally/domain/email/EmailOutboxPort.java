package io.tally.domain.email;

/**
 * Queues e-mails for the sending function (SQS), so a page answers without waiting for a mail server and a
 * slow or failing provider never fails a sign-up. Throws if the message could not be queued.
 */
public interface EmailOutboxPort {
    void enqueue(EmailMessage message);
}
