package org.tongxin.common;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * {@code docs/openapi.yaml} is the contract the mini-program team reads, so it must be exactly what
 * the code serves at {@code /q/openapi}. The served document is written to
 * {@code target/openapi.yaml} on every run; when the API changes, review the difference and copy it
 * over (docs/operations.md § The OpenAPI document).
 */
@QuarkusTest
class OpenApiDocumentTest {

    private static final Path EXPORTED = Path.of("docs/openapi.yaml");
    private static final Path SERVED = Path.of("target/openapi.yaml");

    @Test
    void theExportedDocumentIsWhatTheServiceServes() throws IOException {
        String served = given().get("/q/openapi?format=yaml").then().statusCode(200).extract().asString();
        Files.writeString(SERVED, served, StandardCharsets.UTF_8);
        String exported = Files.exists(EXPORTED) ? Files.readString(EXPORTED, StandardCharsets.UTF_8) : "";
        assertEquals(exported, served, "docs/openapi.yaml is out of date: review `diff docs/openapi.yaml "
                + "target/openapi.yaml`, then `cp target/openapi.yaml docs/openapi.yaml`");
    }
}
