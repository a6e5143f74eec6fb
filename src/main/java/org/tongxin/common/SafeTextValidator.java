package org.tongxin.common;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.lang.annotation.Annotation;

/**
 * Checks {@link SafeText} and {@link SafeMultilineText} one code point at a time: linear in the
 * length, whatever the input (a regular expression with alternation overflowed the stack on a few
 * thousand characters).
 */
public abstract class SafeTextValidator<A extends Annotation> implements ConstraintValidator<A, String> {

    private final boolean multiline;

    SafeTextValidator(boolean multiline) {
        this.multiline = multiline;
    }

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
        return value == null || value.codePoints().allMatch(this::allowed);
    }

    private boolean allowed(int cp) {
        if (multiline && (cp == '\n' || cp == '\r' || cp == '\t')) {
            return true;
        }
        return Character.getType(cp) != Character.CONTROL && !invisible(cp);
    }

    /**
     * Zero-width and direction-changing characters. The zero-width joiner and non-joiner
     * (U+200C, U+200D) stay allowed: emoji sequences and several scripts need them.
     */
    static boolean invisible(int cp) {
        return cp == 0x200B || cp == 0x200E || cp == 0x200F           // zero-width space, LRM, RLM
                || (cp >= 0x202A && cp <= 0x202E)                      // bidi embeddings and overrides
                || (cp >= 0x2060 && cp <= 0x2064)                      // word joiner, invisible operators
                || (cp >= 0x2066 && cp <= 0x2069)                      // bidi isolates
                || cp == 0x061C || cp == 0x180E || cp == 0xFEFF;       // Arabic letter mark, Mongolian vowel separator, BOM
    }

    /** For {@link SafeText}. */
    public static final class SingleLine extends SafeTextValidator<SafeText> {
        public SingleLine() {
            super(false);
        }
    }

    /** For {@link SafeMultilineText}. */
    public static final class Multiline extends SafeTextValidator<SafeMultilineText> {
        public Multiline() {
            super(true);
        }
    }
}
