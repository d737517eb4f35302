package io.tally.portal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.tally.domain.card.CardNumber;
import io.tally.domain.communication.TemplateMail;
import io.tally.domain.delivery.Figures;
import io.tally.domain.delivery.RecordDeliveryUseCase;
import io.tally.domain.delivery.RevenuePort;
import io.tally.domain.delivery.StatisticsUseCase;
import io.tally.domain.delivery.TrackedHtml;
import io.tally.domain.delivery.TrackingLinks;
import io.tally.domain.delivery.TrackingUseCase;
import io.tally.domain.fakes.InMemoryDeliveryStats;
import io.tally.domain.fakes.MemberWorld;
import io.tally.domain.fakes.TestWorld;
import io.tally.domain.member.Challenges;
import io.tally.domain.member.ClientLimits;
import io.tally.domain.member.PreferencesUseCase;
import io.tally.domain.member.VerifyCardUseCase;
import io.tally.domain.referral.InviteFriendsUseCase;
import io.tally.domain.shared.SignedTokens;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@code /o} and {@code /c}: the image and the redirect count; a token not ours answers 400 and writes nothing. */
class TrackingPageTest {
    private static final String BASE = "/portal/" + TestWorld.BRAND.value();
    private final MemberWorld m = new MemberWorld();
    private final SignedTokens tokens = new SignedTokens(new byte[32]);
    private final TrackingLinks links = new TrackingLinks(new SignedTokens("tracking-secret-of-the-tests-32-chars+".getBytes()));
    private final InMemoryDeliveryStats store = new InMemoryDeliveryStats();
    private final RecordDeliveryUseCase record = new RecordDeliveryUseCase(store, store,
            new PreferencesUseCase(m.stores, m.world.events, m.world.clock), m.stores, b -> ZoneOffset.UTC, m.world.clock);
    private final PortalApp app = new PortalApp(m.stores, m.world.programs,
            new VerifyCardUseCase(m.world.cards, m.world.queries, m.stores, m.world.clock),
            new Challenges(tokens, m.world.random, m.world.clock), m.enroll,
            new InviteFriendsUseCase(m.stores, m.mail, m.links, m.world.events, m.world.clock),
            new PreferencesUseCase(m.stores, m.world.events, m.world.clock), m.links,
            new PortalSecurityFactory(tokens, m.world.random, false), Optional.empty(), m.world.clock,
            new ClientLimits(m.stores, m.world.clock), Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.of(new TrackingUseCase(links, record, m.world.clock)));
    private final String html;

    {
        m.stores.save(m.config);
        TemplateMail mail = new TemplateMail("send-s1-4000000000000002", TestWorld.BRAND, "send-s1", "tpl-1", 1,
                new CardNumber("4000000000000002"), "bob@example.com", "news", Optional.empty(), Optional.empty());
        html = new TrackedHtml(links).apply("<p><a href=\"https://shop.example/winter\">Shop</a></p>", mail,
                "https://rewards.example.com" + BASE, m.world.clock.instant());
    }

    private APIGatewayV2HTTPResponse get(String page, String token) {
        String path = BASE + "/" + page;
        var http = APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod("GET").withPath(path)
                .withSourceIp("10.0.0.1").build();
        return app.handle(APIGatewayV2HTTPEvent.builder().withRawPath(path).withRawQueryString("t=" + token)
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder().withHttp(http)
                        .withDomainName("rewards.example.com").build()).build());
    }

    private String token(String path) {
        Matcher t = Pattern.compile(Pattern.quote(path) + "([A-Za-z0-9_.\\-]+)").matcher(html);
        assertTrue(t.find(), html);
        return t.group(1);
    }

    private Figures total() {
        LocalDate day = LocalDate.ofInstant(TestWorld.START, ZoneOffset.UTC);
        return new StatisticsUseCase(store, RevenuePort.NONE)
                .report(TestWorld.BRAND, new StatisticsUseCase.Filter(day, day, Set.of(), Set.of())).total();
    }

    @Test
    void the_image_is_a_gif_never_stored_and_counts_an_open() {
        APIGatewayV2HTTPResponse image = get("o", token("/o?t="));
        assertEquals(200, image.getStatusCode());
        assertEquals("image/gif", image.getHeaders().get("content-type"));
        assertEquals("no-store", image.getHeaders().get("cache-control"));
        assertTrue(image.getIsBase64Encoded());
        assertEquals("GIF89a", new String(Base64.getDecoder().decode(image.getBody()), StandardCharsets.US_ASCII)
                .substring(0, 6));
        assertNull(image.getCookies(), "no session for the image");
        assertEquals(1, total().uniqueOpens());
    }

    @Test
    void a_click_redirects_only_to_the_signed_destination_and_counts() {
        APIGatewayV2HTTPResponse click = get("c", token("/c?t="));
        assertEquals(302, click.getStatusCode());
        assertEquals("https://shop.example/winter", click.getHeaders().get("location"));
        assertEquals("no-store", click.getHeaders().get("cache-control"));
        assertEquals(1, total().clicks());
    }

    @Test
    void tampered_tokens_answer_400_and_write_nothing() {
        String click = token("/c?t=");
        String tampered = click.substring(0, 8) + (click.charAt(8) == 'x' ? 'y' : 'x') + click.substring(9);
        APIGatewayV2HTTPResponse refused = get("c", tampered);
        assertEquals(400, refused.getStatusCode());
        assertNull(refused.getHeaders().get("location"));
        assertEquals(400, get("o", token("/o?t=") + "x").getStatusCode());
        assertEquals(400, get("c", token("/o?t=")).getStatusCode(), "an image token opens no redirect");
        assertEquals(Figures.ZERO, total());
    }
}
