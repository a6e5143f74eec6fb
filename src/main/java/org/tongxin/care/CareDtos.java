package org.tongxin.care;

import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tongxin.common.SafeMultilineText;
import org.tongxin.common.SafeText;

/** Request and response records of the care API (API.md § Care). */
@RegisterForReflection
public final class CareDtos {

    private CareDtos() {}

    public record RecordVulnerable(@NotNull UUID householdId,
                                   @NotBlank @Size(max = 32) @SafeText String name,
                                   @NotNull VulnerablePerson.Category category,
                                   @Size(max = 500) @SafeMultilineText String note) {}

    public record FileRequest(@NotNull CareRequest.Type type,
                              @NotBlank @Size(max = 1000) @SafeMultilineText String description,
                              UUID householdId) {}

    public record Triage(@NotNull CareRequest.Priority priority) {}

    public record Assign(@NotNull UUID assigneeId) {}

    public record Complete(@NotBlank @Size(max = 1000) @SafeMultilineText String note) {}

    public record Confirm(@NotNull @jakarta.validation.constraints.Min(1) @jakarta.validation.constraints.Max(5) Integer rating,
                          @Size(max = 200) @SafeText String comment) {}

    /**
     * A request as its household, its assignee or staff in scope see it. {@code registered}: the
     * household is on the vulnerable-person register (null for the household itself, which does not
     * see the register).
     */
    public record CareRequestView(UUID id, UUID householdId, CareRequest.Type type, String description, CareRequest.Status status,
                                  @Schema(nullable = true) CareRequest.Priority priority, @Schema(nullable = true) Boolean registered,
                                  boolean escalated, @Schema(nullable = true) UUID assigneeId,
                                  @Schema(nullable = true) String completionNote, @Schema(nullable = true) Integer rating,
                                  @Schema(nullable = true) String comment, OffsetDateTime createdAt) {}

    /** A register entry, for staff in scope only. */
    public record VulnerableView(UUID id, UUID householdId, String name, VulnerablePerson.Category category,
                                 @Schema(nullable = true) String note, OffsetDateTime recordedAt) {}
}
