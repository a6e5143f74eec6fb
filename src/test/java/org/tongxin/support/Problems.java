package org.tongxin.support;

import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.restassured.builder.ResponseSpecBuilder;
import io.restassured.specification.ResponseSpecification;

/**
 * How a refusal is asserted: its status, its media type and its stable problem {@code code}, never
 * the status alone. Use as {@code .then().spec(problem(409, "SHIFT_FULL"))}; further body
 * assertions (violations, detail) chain after it.
 */
public final class Problems {

    public static final String PROBLEM_JSON = "application/problem+json";

    private Problems() {}

    public static ResponseSpecification problem(int status, String code) {
        return new ResponseSpecBuilder()
                .expectStatusCode(status)
                .expectContentType(PROBLEM_JSON)
                .expectBody("code", equalTo(code))
                .expectBody("status", equalTo(status))
                .expectBody("type", startsWith("urn:tongxin:problem:"))
                .expectBody("title", not(emptyOrNullString()))
                .build();
    }
}
