package org.tongxin.notice;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Field values within WeChat's limits for subscribe messages: a {@code thing} holds at most 20
 * characters (a longer one is refused with 47003), a {@code time} reads "2022年4月15日 08:00".
 */
final class SubscribeFields {

    static final int THING_MAX = 20;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");

    private SubscribeFields() {}

    /** At most 20 characters (code points), cut with "…" as the 20th. */
    static String thing(String text) {
        String oneLine = text.strip().replaceAll("\\s+", " ");
        if (oneLine.codePointCount(0, oneLine.length()) <= THING_MAX) {
            return oneLine;
        }
        return oneLine.substring(0, oneLine.offsetByCodePoints(0, THING_MAX - 1)) + "…";
    }

    /** Markdown reduced to its words: emphasis, headings, list marks and links' targets dropped. */
    static String plain(String markdown) {
        return markdown.replaceAll("\\[([^]]*)]\\([^)]*\\)", "$1").replaceAll("[*_#>`~]", "")
                .replaceAll("(?m)^\\s*[-+]\\s+", "").strip();
    }

    static String time(ZonedDateTime at) {
        return at.format(TIME);
    }
}
