package org.tongxin.privacy;

import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request and response records of stand-downs (docs/privacy.md). */
@RegisterForReflection
public final class StandDownDtos {

    private StandDownDtos() {}

    /** STREET with the street's id, or DISTRICT without one. */
    public record Scope(@NotNull StandDown.ScopeType type, @Schema(nullable = true) UUID id) {}

    /** {@code retainDays}: how long the data is kept from now (0: purged at the purge job's next run); default 30. */
    public record Declare(@NotNull @Valid Scope scope,
                          @Schema(nullable = true, description = "days from now; default tongxin.privacy.retain-days (30)")
                          @Min(0) @Max(3650) Integer retainDays) {}

    /** What the purge will erase (per step and community) and what stays (aggregates per community and day). */
    public record DryRun(OffsetDateTime at, Map<String, Long> eraseTotals, List<Erase> erase, List<PersonalData.Kept> keep) {}

    /** Rows of one community that still hold one kind of personal data. */
    public record Erase(String kind, @Schema(nullable = true) UUID communityId, long count) {}

    /**
     * A stand-down. {@code dryRun}: while SCHEDULED or PURGING, what is still to erase and what stays;
     * {@code purged}: what the purge erased so far, per step.
     */
    public record StandDownView(UUID id, Scope scope, int retainDays, UUID declaredBy, OffsetDateTime declaredAt,
                                OffsetDateTime purgeAt, StandDown.Status status, @Schema(nullable = true) OffsetDateTime startedAt,
                                @Schema(nullable = true) OffsetDateTime finishedAt, @Schema(nullable = true) DryRun dryRun,
                                Map<String, Long> purged) {}
}
