package io.tally.backoffice.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.tally.backoffice.http.OfficeRouter.Anyone;
import io.tally.domain.fakes.InMemoryLocations;
import io.tally.domain.fakes.InMemoryStaff;
import io.tally.domain.fakes.MutableClock;
import io.tally.domain.fakes.SeededRandom;
import io.tally.domain.shared.SignedTokens;
import io.tally.domain.staff.Permission;
import io.tally.domain.staff.Role;
import io.tally.domain.staff.StaffId;
import io.tally.domain.staff.StaffMember;
import io.tally.domain.staff.StaffScopes;
import io.tally.domain.tenant.BrandId;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Matching pages by method and path, their URL-decoded parameters, and pages a member may not reach. */
class OfficeRouterTest {
    private static final OfficeAction NOTHING = call -> OfficeResponse.ok("");

    @Test
    void path_parameters_are_url_decoded() {
        OfficeRouter router = new OfficeRouter().get("/cards/{number}", new Anyone(), NOTHING);
        assertEquals("a b@c/d+e", router.match("GET", "/cards/a%20b%40c%2Fd+e").orElseThrow().params().get("number"));
        assertEquals("été", router.match("GET", "/cards/%C3%A9t%C3%A9").orElseThrow().params().get("number"));
        assertTrue(router.match("GET", "/cards/%E0%A4%A").isEmpty(), "a malformed escape matches no page");
        assertTrue(router.match("GET", "/cards/").isEmpty(), "an empty parameter matches no page");
    }

    @Test
    void literal_segments_win_over_parameters_and_methods_are_told_apart() {
        OfficeAction literal = call -> OfficeResponse.ok("literal");
        OfficeRouter router = new OfficeRouter()
                .get("/staff/{id}", new Anyone(), NOTHING)
                .get("/staff/new", new Anyone(), literal)
                .post("/staff/{id}/role", Permission.MANAGE_SETUP, NOTHING);
        assertEquals(literal, router.match("GET", "/staff/new").orElseThrow().entry().action());
        assertEquals("s1", router.match("GET", "/staff/s1/").orElseThrow().params().get("id"), "a trailing slash is the same page");
        assertTrue(router.match("GET", "/staff/s1/role").isEmpty());
        assertTrue(router.knowsPath("/staff/s1/role"), "405, not 404");
        assertFalse(router.knowsPath("/nothing"));
        assertThrows(IllegalStateException.class, () -> router.get("/staff/{other}", new Anyone(), NOTHING),
                "the same pattern twice");
        assertThrows(IllegalArgumentException.class, () -> router.get("staff", new Anyone(), NOTHING));
    }

    @Test
    void a_page_needing_a_permission_the_member_lacks_answers_exactly_like_a_missing_page() {
        BrandId brand = new BrandId("DEMO");
        MutableClock clock = new MutableClock(Instant.parse("2026-12-01T09:00:00Z"));
        InMemoryStaff staff = new InMemoryStaff();
        StaffMember analyst = new StaffMember(brand, new StaffId("analyst-1"), "analyst@example.com", "Ann", Role.ANALYST,
                Set.of(), true, clock.instant(), 1);
        staff.create(analyst);
        OfficeSecurity security = new OfficeSecurity(SignedTokens.fromText(OfficeSecurityTest.SECRET), new SeededRandom(3),
                clock, true);
        OfficeArea area = router -> router.get("/setup/secret", Permission.MANAGE_SETUP, call -> OfficeResponse.ok("secret"))
                .get("/cards/{number}", Permission.READ_CARDS, call -> OfficeResponse.ok("card " + call.param("number")));
        OfficeApp app = new OfficeApp(Set.of(area), new StaffScopes(staff, new InMemoryLocations()), security);
        String cookie = OfficeSecurityTest.value(security.cookie(security.signIn(brand, analyst.id())));

        APIGatewayV2HTTPResponse forbidden = app.handle(get("/admin/setup/secret", cookie));
        APIGatewayV2HTTPResponse missing = app.handle(get("/admin/setup/nothing", cookie));
        assertEquals(404, forbidden.getStatusCode());
        assertEquals(missing.getStatusCode(), forbidden.getStatusCode());
        assertEquals(missing.getBody(), forbidden.getBody());
        assertFalse(forbidden.getBody().contains("secret"));

        APIGatewayV2HTTPResponse card = app.handle(get("/admin/cards/12%2034", cookie));
        assertEquals(200, card.getStatusCode());
        assertEquals("card 12 34", card.getBody(), "the page gets the decoded parameter");
        assertEquals(303, app.handle(get("/admin/cards/1234", null)).getStatusCode(), "signed out: to the sign-in page");
    }

    private static APIGatewayV2HTTPEvent get(String path, String cookie) {
        return APIGatewayV2HTTPEvent.builder().withRawPath(path)
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod("GET").build()).build())
                .withCookies(cookie == null ? null : List.of(OfficeSecurity.COOKIE + "=" + cookie))
                .build();
    }
}
