package io.tally.portal.email;

import io.tally.domain.email.EmailSenderPort;
import io.tally.domain.email.MailingHeaders;
import io.tally.domain.email.RenderedEmail;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.model.Body;
import software.amazon.awssdk.services.sesv2.model.Content;
import software.amazon.awssdk.services.sesv2.model.Destination;
import software.amazon.awssdk.services.sesv2.model.EmailContent;
import software.amazon.awssdk.services.sesv2.model.Message;
import software.amazon.awssdk.services.sesv2.model.MessageHeader;
import software.amazon.awssdk.services.sesv2.model.SendEmailRequest;
import java.util.Optional;

/**
 * Sends through Amazon SES (API v2) on AWS. The sender address must be verified in SES. With a configuration set
 * (its event destination publishes the delivery events), the message's {@code X-Tally-*} headers
 * ({@link MailingHeaders}) become message tags, which SES returns with every event of the message
 * ({@link EmailTags}), and are not sent as headers.
 */
public final class SesEmailSender implements EmailSenderPort {
    private final SesV2Client ses;
    private final Optional<String> configurationSet;

    public SesEmailSender(SesV2Client ses) {
        this(ses, Optional.empty());
    }

    public SesEmailSender(SesV2Client ses, Optional<String> configurationSet) {
        this.ses = ses;
        this.configurationSet = configurationSet;
    }

    @Override
    public void send(RenderedEmail email) {
        ses.sendEmail(SendEmailRequest.builder()
                .fromEmailAddress("\"" + email.fromName().replace("\"", "") + "\" <" + email.from() + ">")
                .destination(Destination.builder().toAddresses(email.to()).build())
                .content(EmailContent.builder().simple(Message.builder()
                        .subject(utf8(email.subject()))
                        .body(Body.builder().text(utf8(email.text())).html(utf8(email.html())).build())
                        .headers(email.headers().entrySet().stream() // List-Unsubscribe and its -Post (RFC 8058)
                                .filter(h -> !MailingHeaders.ours(h.getKey()))
                                .map(h -> MessageHeader.builder().name(h.getKey()).value(h.getValue()).build()).toList())
                        .build()).build())
                .configurationSetName(configurationSet.orElse(null))
                .emailTags(EmailTags.of(email.headers()))
                .build());
    }

    private static Content utf8(String data) {
        return Content.builder().charset("UTF-8").data(data).build();
    }
}
