package org.tongxin.privacy;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.OffsetDateTime;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request and documentation records of a person's own data (docs/privacy.md). */
@RegisterForReflection
public final class PersonalDataDtos {

    private PersonalDataDtos() {}

    /** The erasure's confirmation: {@code confirm} must be {@code "DELETE"}. */
    public record Erasure(@Schema(description = "must be DELETE") String confirm) {}

    /**
     * The copy's shape for the OpenAPI document: {@code generatedAt}, {@code account}, and one
     * section per feature that keeps something (docs/privacy.md lists them and their fields).
     */
    @Schema(name = "MyData", additionalProperties = Schema.True.class)
    public record MyData(OffsetDateTime generatedAt,
                         @Schema(description = "the account: phone in full, roles, household id") Map<String, Object> account) {}
}
