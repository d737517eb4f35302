package io.tally.portal.sms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tally.domain.sms.SmsMessage;
import io.tally.domain.sms.SmsSenderPort;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;

/**
 * Sends through AWS End User Messaging SMS ({@code SendTextMessage} of the {@code pinpoint-sms-voice-v2} API) from the
 * brand's origination identity (a phone number, sender id or pool ARN, so the function's permission names exactly it).
 * The SDK v2 client of this API stops at 2.40.x on Maven Central (our BOM is 2.57.8), so this one call is made by
 * hand: its AWS JSON 1.0 request signed with the SDK's own SigV4 signer (service {@code sms-voice}) and sent with the
 * url-connection client. A refusal throws {@link SmsNotAccepted} naming the API's error type only (its message may
 * repeat the number).
 */
public final class EndUserMessagingSmsSender implements SmsSenderPort {
    static final String TARGET = "PinpointSMSVoiceV2.SendTextMessage";
    static final String SIGNING_NAME = "sms-voice";
    /** The {@code Context} keys of a text (at most five), echoed in its delivery events ({@code TextEvents}). */
    public static final String CONTEXT_MESSAGE = "tallyMessageId";
    public static final String CONTEXT_BRAND = "tallyBrand";
    public static final String CONTEXT_LIST = "tallyList";
    public static final String CONTEXT_MAILING = "tallyMailing";
    public static final String CONTEXT_LOCATION = "tallyLocation";
    private final SdkHttpClient http;
    private final AwsCredentialsProvider credentials;
    private final String region;
    private final URI endpoint;
    private final String originationIdentity;
    private final Optional<String> configurationSet;
    private final ObjectMapper json = new ObjectMapper();
    private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();

    public EndUserMessagingSmsSender(SdkHttpClient http, AwsCredentialsProvider credentials, String region,
                                     Optional<URI> endpoint, String originationIdentity,
                                     Optional<String> configurationSet) {
        this.http = http;
        this.credentials = credentials;
        this.region = region;
        this.endpoint = endpoint.orElse(URI.create("https://sms-voice." + region + ".amazonaws.com/"));
        this.originationIdentity = originationIdentity;
        this.configurationSet = configurationSet;
    }

    /** The provider refused a message: its HTTP status and error type ({@code ValidationException}, ...). */
    public static final class SmsNotAccepted extends RuntimeException {
        public SmsNotAccepted(int status, String type) {
            super("SendTextMessage answered " + status + " " + type);
        }
    }

    @Override
    public void send(SmsMessage message, boolean transactional) {
        byte[] body = body(message, transactional);
        SdkHttpRequest request = SdkHttpRequest.builder().method(SdkHttpMethod.POST).uri(endpoint)
                .putHeader("Content-Type", "application/x-amz-json-1.0")
                .putHeader("X-Amz-Target", TARGET)
                .build();
        SignedRequest signed = signer.sign(r -> r.identity(credentials.resolveCredentials()).request(request)
                .payload(ContentStreamProvider.fromByteArray(body))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, SIGNING_NAME)
                .putProperty(AwsV4HttpSigner.REGION_NAME, region));
        try {
            HttpExecuteResponse response = http.prepareRequest(HttpExecuteRequest.builder().request(signed.request())
                    .contentStreamProvider(signed.payload().orElseThrow()).build()).call();
            int status = response.httpResponse().statusCode();
            String answer = read(response.responseBody());
            if (status / 100 != 2) {
                throw new SmsNotAccepted(status, errorType(answer));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("SendTextMessage failed", e);
        }
    }

    byte[] body(SmsMessage message, boolean transactional) {
        ObjectNode node = json.createObjectNode();
        node.put("DestinationPhoneNumber", message.to());
        node.put("OriginationIdentity", originationIdentity);
        node.put("MessageBody", message.text());
        node.put("MessageType", transactional ? "TRANSACTIONAL" : "PROMOTIONAL");
        configurationSet.ifPresent(c -> node.put("ConfigurationSetName", c));
        // echoed in the provider's delivery events: what they are counted under
        ObjectNode context = node.putObject("Context");
        context.put(CONTEXT_MESSAGE, message.id());
        context.put(CONTEXT_BRAND, message.brand().value());
        context.put(CONTEXT_LIST, message.list());
        message.origin().ifPresent(o -> {
            context.put(CONTEXT_MAILING, o.mailing());
            o.location().ifPresent(l -> context.put(CONTEXT_LOCATION, l));
        });
        return node.toString().getBytes(StandardCharsets.UTF_8);
    }

    private String errorType(String answer) {
        try {
            JsonNode node = json.readTree(answer);
            String type = node.path("__type").asText(node.path("code").asText("unknown"));
            return type.substring(type.lastIndexOf('#') + 1).replaceAll("[^A-Za-z0-9]", "");
        } catch (IOException | RuntimeException e) {
            return "unreadable";
        }
    }

    private static String read(Optional<? extends InputStream> in) throws IOException {
        if (in.isEmpty()) {
            return "";
        }
        try (InputStream s = in.get()) {
            return new String(s.readNBytes(64 * 1024), StandardCharsets.UTF_8);
        }
    }
}
