package org.tongxin.common;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.LocalDate;
import java.time.temporal.Temporal;
import java.time.temporal.ChronoField;

/**
 * A date or time this service can reason about: years {@value #FIRST_YEAR} to {@value #LAST_YEAR}.
 * Java and JSON accept years up to ±999,999,999, where adding a day overflows and PostgreSQL
 * refuses to store; bounding them at the edge turns such input into a 400 naming the field.
 */
@Documented
@Constraint(validatedBy = PlausibleDate.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface PlausibleDate {

    int FIRST_YEAR = 2000;
    int LAST_YEAR = 2100;

    String message() default "{org.tongxin.common.PlausibleDate.message}";
    Class<?>[] groups() default {};
    Class<? extends Payload>[] payload() default {};

    /** Accepts {@link LocalDate}, {@link java.time.OffsetDateTime} and other temporals with a year. */
    class Validator implements ConstraintValidator<PlausibleDate, Temporal> {
        @Override
        public boolean isValid(Temporal value, ConstraintValidatorContext context) {
            if (value == null || !value.isSupported(ChronoField.YEAR)) {
                return true;
            }
            int year = value.get(ChronoField.YEAR);
            return year >= FIRST_YEAR && year <= LAST_YEAR;
        }
    }
}
