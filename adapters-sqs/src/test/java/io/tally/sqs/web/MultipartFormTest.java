package io.tally.sqs.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading a browser's multipart upload: fields, a binary file (CR, LF and dashes inside), nothing from a broken one. */
class MultipartFormTest {
    private static final String TYPE = "multipart/form-data; boundary=----WebKitFormBoundaryX7";

    private static byte[] body(byte[] file) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(("------WebKitFormBoundaryX7\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\ntok-1\r\n"
                + "------WebKitFormBoundaryX7\r\nContent-Disposition: form-data; name=\"image\"; filename=\"a b.png\"\r\n"
                + "Content-Type: image/png\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        out.writeBytes(file);
        out.writeBytes("\r\n------WebKitFormBoundaryX7--\r\n".getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    @Test
    void fields_and_a_binary_file_are_read_as_sent() {
        byte[] file = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', '-', '-', 0, (byte) 0xff};
        MultipartForm form = MultipartForm.parse(TYPE, body(file)).orElseThrow();
        assertEquals(List.of("tok-1"), form.fields().get("csrf"));
        assertEquals("a b.png", form.files().get("image").fileName());
        assertEquals("image/png", form.files().get("image").declaredType());
        assertArrayEquals(file, form.files().get("image").bytes());
    }

    @Test
    void a_cut_short_body_or_no_boundary_is_no_form() {
        byte[] whole = body(new byte[] {1, 2, 3});
        byte[] cut = java.util.Arrays.copyOf(whole, whole.length - 30);
        assertTrue(MultipartForm.parse(TYPE, cut).isEmpty());
        assertTrue(MultipartForm.parse("multipart/form-data", whole).isEmpty());
    }
}
