package org.tongxin.notice;

import java.nio.charset.StandardCharsets;
import org.tongxin.wechat.WeComRobots;

/**
 * A notice as a group robot posts it: the title in bold, then the Markdown body. WeCom refuses a
 * markdown message over 4,096 bytes, so a longer one is cut at the last line break that fits (or
 * the last whole character) and ends with a pointer to the full text in the mini-program.
 */
final class ChatMessage {

    static final String POINTER = "\n\n……（全文请在“同心”小程序的通知中查看）";

    private ChatMessage() {}

    /** The whole message, before any cut. */
    static String whole(String title, String body) {
        return "**" + title + "**\n" + body;
    }

    static String markdown(String title, String body) {
        String full = whole(title, body);
        if (bytes(full) <= WeComRobots.MAX_MARKDOWN_BYTES) {
            return full;
        }
        int budget = WeComRobots.MAX_MARKDOWN_BYTES - bytes(POINTER);
        int end = 0;
        int used = 0;
        while (end < full.length()) {
            int cp = full.codePointAt(end);
            int size = bytes(new String(Character.toChars(cp)));
            if (used + size > budget) {
                break;
            }
            used += size;
            end += Character.charCount(cp);
        }
        int lastBreak = full.lastIndexOf('\n', end);
        // Cut at a line break unless that would drop more than a quarter of what fits.
        if (lastBreak > end * 3 / 4) {
            end = lastBreak;
        }
        return full.substring(0, end).stripTrailing() + POINTER;
    }

    private static int bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }
}
