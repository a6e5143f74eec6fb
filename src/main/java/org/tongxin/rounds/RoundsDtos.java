package org.tongxin.rounds;

import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tongxin.common.PlausibleDate;
import org.tongxin.common.SafeText;

/** Request and response records of mass-testing rounds (docs/testing-rounds.md). */
@RegisterForReflection
public final class RoundsDtos {

    private RoundsDtos() {}

    public record AddMember(@NotBlank @Size(max = 32) @SafeText String name) {}

    public record MemberView(UUID id, @Schema(nullable = true, description = "the name masked: 王*英; null when it cannot be opened")
                             String nameMasked, boolean hasTestingCode,
                             @Schema(nullable = true, description = "where the person stands in the latest round that tests them")
                             MemberRound round) {}

    /** WAITING (their group not called yet), CALLED, ON_SITE (arrived), SAMPLED, or SKIPPED with the reason. */
    public record MemberRound(UUID roundId, LocalDate date, RoundState state, @Schema(nullable = true) SkipReason skipReason) {}

    public enum RoundState { WAITING, CALLED, ON_SITE, SAMPLED, SKIPPED }

    public record SetTestingCode(@NotBlank @Size(max = 512) @SafeText
                                 @Schema(description = "the text of the provincial testing QR code, at most 512 UTF-8 bytes") String code) {}

    public record AssignCaretaker(@NotNull UUID volunteerId) {}

    public record CaretakerView(UUID householdId, UUID volunteerId) {}

    public record HouseholdMembers(UUID householdId, String buildingName, String room, List<MemberView> members) {}

    public record SiteSpec(@NotBlank @Size(max = 64) @SafeText String name,
                           @NotBlank @Size(max = 128) @SafeText @Schema(description = "where the site is: 北门广场") String place,
                           @Min(2) @Max(1000) @Schema(description = "the most people on site at once; 30 when absent") Integer cap,
                           @Min(0) @Max(999) @Schema(description = "the next group is called when this many remain; 10 when absent")
                           Integer callNextAt,
                           @NotNull @Size(min = 1, max = 100) @Schema(description = "the lanes (grids) this site tests, in calling order")
                           List<@NotNull UUID> gridIds) {}

    public record CreateRound(@NotNull UUID communityId, @NotNull @PlausibleDate LocalDate date,
                              @NotNull @Size(min = 1, max = 20) List<@NotNull @Valid SiteSpec> sites) {}

    public record GroupView(UUID id, UUID gridId, int seq, int people,
                            @Schema(description = "the lane and the rooms the group holds: 一巷 1号楼101–3号楼202") String label,
                            @Schema(nullable = true) OffsetDateTime calledAt) {}

    public record SitePlan(UUID id, String name, String place, int cap, int callNextAt, List<GroupView> groups) {}

    public record RoundView(UUID id, UUID communityId, LocalDate date, TestingRound.Status status, List<SitePlan> sites) {}

    public record CalledGroup(UUID id, int seq, OffsetDateTime calledAt) {}

    public record SiteState(UUID id, String name, String place, int cap, int callNextAt, int onSite,
                            @Schema(description = "people of called groups who have not arrived yet") int expected, boolean paused,
                            List<CalledGroup> calledGroups, @Schema(nullable = true) UUID nextGroupId) {}

    public record Arrival(@NotNull UUID siteId, @NotNull UUID householdId,
                          @Size(min = 1, max = 50) @Schema(description = "the members present; all of the household's when absent")
                          List<@NotNull UUID> memberIds) {}

    public record OnSite(int onSite) {}

    public record Samples(@Schema(nullable = true, description = "the site; absent for a sample taken at home") UUID siteId,
                          @NotNull @Size(min = 1, max = 50) List<@NotNull UUID> memberIds) {}

    public record Sampled(int sampled, @Schema(nullable = true) Integer onSite, @Schema(nullable = true) UUID calledGroupId) {}

    public record Skip(@NotNull UUID memberId, @NotNull SkipReason reason) {}

    public record Skipped(UUID memberId, SkipReason reason) {}

    public record Unsampled(UUID householdId, String buildingName, String room, UUID memberId,
                            @Schema(nullable = true, description = "the name masked; null when it cannot be opened") String nameMasked,
                            @Schema(nullable = true, description = "why they were skipped; null: missing") SkipReason skipReason) {}

    /** Someone to sample at their door: a member skipped for it, someone on the vulnerable register, or a household that asked. */
    public record HomeVisit(UUID householdId, String buildingName, String room,
                            @Schema(nullable = true, description = "the member to record the sample for; null for a register entry or a request")
                            UUID memberId,
                            @Schema(nullable = true, description = "the name masked; null for a household's request") String nameMasked,
                            HomeVisitSource source) {}

    public enum HomeVisitSource { MARKED, REGISTER, CARE_REQUEST }

    public record CoverageRow(UUID id, String name, long residents, long sampled, long skipped, long missing) {}

    public record Coverage(long residents, long sampled, long skipped, long missing, List<CoverageRow> rows) {}
}
