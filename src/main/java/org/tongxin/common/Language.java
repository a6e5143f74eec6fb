package org.tongxin.common;

import java.util.Locale;

/** Picks the language of human-readable texts: Simplified Chinese unless the client prefers English. */
public final class Language {

    private Language() {}

    /**
     * True when the Accept-Language header ranks English above Chinese. Parsing is forgiving:
     * a malformed header means the default language, never an error.
     */
    public static boolean prefersEnglish(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return false;
        }
        try {
            for (Locale.LanguageRange range : Locale.LanguageRange.parse(acceptLanguage)) {
                String tag = range.getRange().toLowerCase(Locale.ROOT);
                if (range.getWeight() <= 0) {
                    continue;
                }
                if (tag.startsWith("en")) {
                    return true;
                }
                if (tag.startsWith("zh") || tag.equals("*")) {
                    return false;
                }
            }
        } catch (IllegalArgumentException malformed) {
            return false;
        }
        return false;
    }
}
