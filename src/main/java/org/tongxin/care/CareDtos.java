package org.tongxin.care;

import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tongxin.common.PiiCipher;
import org.tongxin.common.SafeMultilineText;
import org.tongxin.common.SafeText;
import org.tongxin.common.SealedColumn;

/** Request and response records of the care API (docs/care.md). */
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
    public record CareRequestView(UUID id, UUID householdId, CareRequest.Type type, @Schema(nullable = true) String description,
                                  CareRequest.Status status,
                                  @Schema(nullable = true) CareRequest.Priority priority, @Schema(nullable = true) Boolean registered,
                                  boolean escalated, @Schema(nullable = true) UUID assigneeId,
                                  @Schema(nullable = true) String completionNote, @Schema(nullable = true) Integer rating,
                                  @Schema(nullable = true) String comment, OffsetDateTime createdAt,
                                  @Schema(description = SealedColumn.UNAVAILABLE) List<String> unavailable) {
        /** {@code registered}: whether the household is on the register, for staff in scope; null for anyone else. */
        static CareRequestView of(CareRequest r, PiiCipher pii, Boolean registered) {
            PiiCipher.Reader sealed = pii.reader(r.getId());
            return new CareRequestView(r.getId(), r.getHouseholdId(), r.getType(), r.description(sealed), r.getStatus(),
                    r.getPriority(), registered, r.isEscalated(), r.getAssigneeId(), r.completionNote(sealed),
                    r.getRating() == null ? null : r.getRating().intValue(), r.getComment(), r.getCreatedAt(), sealed.unavailable());
        }
    }

    public record DonatedItem(@NotBlank @Size(max = 64) @SafeText String name,
                              @NotNull @jakarta.validation.constraints.Min(1) @jakarta.validation.constraints.Max(1_000_000) Integer quantity,
                              @NotBlank @Size(max = 16) @SafeText String unit) {}

    public record RecordDonation(@NotNull UUID communityId,
                                 @NotBlank @Size(max = 64) @SafeText String donor,
                                 @NotNull @Size(min = 1, max = 50) java.util.List<@NotNull @jakarta.validation.Valid DonatedItem> items) {}

    public record DonationItemView(UUID id, String name, String unit, int quantity, int remaining) {}

    /** A line of a care package: what a household got from which item, and whether it was delivered. */
    public record PackageLine(UUID packageId, UUID householdId, String item, int quantity, String unit, CarePackage.Status status,
                              OffsetDateTime allocatedAt, @Schema(nullable = true) OffsetDateTime deliveredAt) {}

    /** A donation with its items' stock and where it went. */
    public record DonationView(UUID id, UUID communityId, String donor, OffsetDateTime receivedAt,
                               java.util.List<DonationItemView> items, java.util.List<PackageLine> wentTo) {}

    public record PackageItem(@NotNull UUID donationItemId,
                              @NotNull @jakarta.validation.constraints.Min(1) @jakarta.validation.constraints.Max(1000) Integer quantity) {}

    /** The same package for each household: every item × every household comes out of stock, or nothing does. */
    public record AllocatePackages(@NotNull UUID communityId,
                                   @NotNull @Size(min = 1, max = 500) java.util.List<@NotNull UUID> householdIds,
                                   @NotNull @Size(min = 1, max = 20) java.util.List<@NotNull @jakarta.validation.Valid PackageItem> items) {}

    public record Allocated(java.util.List<UUID> packageIds) {}

    /**
     * Someone staff may assign a community's care requests to: an approved volunteer of the community
     * (with their team) or a grid worker (with their grid), who qualifies for the requests of that grid.
     */
    public record Assignee(UUID userId, @Schema(nullable = true) String name, boolean gridWorker, @Schema(nullable = true) String team,
                           @Schema(nullable = true) UUID gridId) {}

    /** How many of a community's requests (in the caller's reach) are in one status. */
    public record StatusCount(CareRequest.Status status, long count) {}

    /** A register entry, for staff in scope only. */
    public record VulnerableView(UUID id, UUID householdId, @Schema(nullable = true) String name,
                                 VulnerablePerson.Category category, @Schema(nullable = true) String note,
                                 OffsetDateTime recordedAt, @Schema(description = SealedColumn.UNAVAILABLE) List<String> unavailable) {
        static VulnerableView of(VulnerablePerson p, PiiCipher pii) {
            PiiCipher.Reader r = pii.reader(p.getId());
            return new VulnerableView(p.getId(), p.getHouseholdId(), p.name(r), p.getCategory(), p.note(r), p.getRecordedAt(),
                    r.unavailable());
        }
    }
}
