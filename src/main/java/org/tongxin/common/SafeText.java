package org.tongxin.common;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Text a person typed: no control characters (NUL, escapes, line breaks in a name), which
 * PostgreSQL or a group chat would choke on, and no invisible characters that change what a
 * reader sees (zero-width spaces, bidi overrides that make "gpj.exe" look like "exe.jpg").
 * Emoji and any other printable Unicode are fine, including the joiners emoji sequences need.
 */
@Documented
@Constraint(validatedBy = SafeTextValidator.SingleLine.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface SafeText {
    String message() default "{org.tongxin.common.SafeText.message}";
    Class<?>[] groups() default {};
    Class<? extends Payload>[] payload() default {};
}
