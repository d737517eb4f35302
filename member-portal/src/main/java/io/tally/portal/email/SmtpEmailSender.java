package io.tally.portal.email;

import io.tally.domain.email.EmailSenderPort;
import io.tally.domain.email.RenderedEmail;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.UnsupportedEncodingException;
import java.util.Properties;

/** Sends over SMTP (Jakarta Mail, Angus): for every environment but AWS, e.g. the local runtime's GreenMail. */
public final class SmtpEmailSender implements EmailSenderPort {
    private final Session session;

    public SmtpEmailSender(String host, int port) {
        Properties props = new Properties();
        props.put("mail.smtp.host", host);
        props.put("mail.smtp.port", Integer.toString(port));
        props.put("mail.smtp.connectiontimeout", "5000");
        props.put("mail.smtp.timeout", "10000");
        this.session = Session.getInstance(props);
    }

    @Override
    public void send(RenderedEmail email) {
        try {
            MimeMessage message = new MimeMessage(session);
            message.setFrom(new InternetAddress(email.from(), email.fromName(), "UTF-8"));
            message.setRecipient(Message.RecipientType.TO, new InternetAddress(email.to()));
            message.setSubject(email.subject(), "UTF-8");
            for (var header : email.headers().entrySet()) { // List-Unsubscribe and its -Post (RFC 8058): ASCII, checked
                message.setHeader(header.getKey(), header.getValue());
            }
            MimeBodyPart text = new MimeBodyPart();
            text.setText(email.text(), "UTF-8");
            MimeBodyPart html = new MimeBodyPart();
            html.setContent(email.html(), "text/html; charset=UTF-8");
            message.setContent(new MimeMultipart("alternative", text, html));
            Transport.send(message);
        } catch (MessagingException | UnsupportedEncodingException e) {
            throw new IllegalStateException("SMTP send failed: " + e.getMessage(), e);
        }
    }
}
