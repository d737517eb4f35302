package io.tally.domain.sms;

/**
 * How many segments a text costs: GSM 03.38 text is 160 characters in one segment and 153 per segment when split
 * (characters of the extension table count twice); anything else goes as UCS-2, 70 in one and 67 per segment (a
 * character outside the Basic Multilingual Plane counts twice). Four segments are at most 612 GSM characters.
 */
public final class SmsText {
    private static final String GSM = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    private static final String GSM_EXTENSION = "^{}\\[~]|€\f";

    private SmsText() {
    }

    public static boolean gsm(String text) {
        return text.chars().allMatch(c -> GSM.indexOf(c) >= 0 || GSM_EXTENSION.indexOf(c) >= 0);
    }

    public static int segments(String text) {
        if (gsm(text)) {
            long units = text.chars().map(c -> GSM_EXTENSION.indexOf(c) >= 0 ? 2 : 1).sum();
            return units <= 160 ? 1 : (int) ((units + 152) / 153);
        }
        int units = text.length(); // UTF-16 code units: a surrogate pair takes two, as in UCS-2 on the wire
        return units <= 70 ? 1 : (units + 66) / 67;
    }
}
