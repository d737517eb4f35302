package io.tally.sqs.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What both page fronts read from a request: form fields, query parameters, cookies, path segments. */
class HttpFormsTest {

    @Test
    void form_posts_are_decoded_from_base64_and_url_encoding() {
        String body = "email=a%40b.example&name=Ann+Lee&group=S&group=O&empty=&flag&bad=%E0%A4%A";
        var event = APIGatewayV2HTTPEvent.builder().withIsBase64Encoded(true)
                .withBody(Base64.getEncoder().encodeToString(body.getBytes(StandardCharsets.UTF_8))).build();
        Map<String, List<String>> form = HttpForms.form(event, 1024);
        assertEquals(List.of("a@b.example"), form.get("email"));
        assertEquals(List.of("Ann Lee"), form.get("name"));
        assertEquals(List.of("S", "O"), form.get("group"));
        assertEquals(List.of(""), form.get("empty"));
        assertEquals(List.of(""), form.get("flag"));
        assertEquals(List.of(""), form.get("bad"), "a malformed escape is empty, not a fault");
        assertEquals(Map.of(), HttpForms.form(event, 10), "a body over the limit is ignored");
        assertEquals(Map.of(), HttpForms.form(APIGatewayV2HTTPEvent.builder().build(), 10));
    }

    @Test
    void query_parameters_keep_their_first_value() {
        assertEquals(Map.of("q", "a b", "page", "2"), HttpForms.query("q=a+b&page=2&q=other&novalue"));
        assertEquals(Map.of(), HttpForms.query(null));
    }

    @Test
    void cookies_are_read_one_a_list_entry_or_several_in_one() {
        assertEquals(Map.of("a", "1", "b", "2", "c", "3"), HttpForms.cookies(List.of("a=1", "b=2; c=3", "a=other")));
        assertEquals(Map.of(), HttpForms.cookies(null));
    }

    @Test
    void path_segments_keep_plus_signs() {
        assertEquals("a+b c/d", HttpForms.decodePathSegment("a+b%20c%2Fd"));
        assertEquals("", HttpForms.decodePathSegment("%G1"));
    }
}
