package org.tongxin.common;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Like {@link SafeText}, but line breaks and tabs are allowed: notes, descriptions, messages. */
@Documented
@Constraint(validatedBy = SafeTextValidator.Multiline.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface SafeMultilineText {
    String message() default "{org.tongxin.common.SafeText.message}";
    Class<?>[] groups() default {};
    Class<? extends Payload>[] payload() default {};
}
