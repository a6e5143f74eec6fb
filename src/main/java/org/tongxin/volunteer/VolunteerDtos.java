package org.tongxin.volunteer;

import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tongxin.common.PiiCipher;
import org.tongxin.common.SealedColumn;
import org.tongxin.common.SafeText;

/** Request and response records of the volunteer API (docs/shifts.md). */
@RegisterForReflection
public final class VolunteerDtos {

    private VolunteerDtos() {}

    public record Apply(@NotBlank @Size(max = 32) @SafeText String name,
                        @NotNull UUID communityId,
                        @NotNull @Size(max = 6) Set<@NotNull Skill> skills,
                        boolean partyMember,
                        @Size(max = 200) @SafeText String availability,
                        @Size(max = 500) @SafeText String note) {}

    /** Optional team (e.g. 党员先锋队) given on approval. */
    public record Approve(@Size(max = 64) @SafeText String team) {}

    public record Reject(@NotBlank @Size(max = 200) @SafeText String reason) {}

    /** An application or volunteer as staff see it. */
    public record ApplicationView(UUID id, UUID communityId, @Schema(nullable = true) String name, List<Skill> skills,
                                  boolean partyMember,
                                  @Schema(nullable = true) String availability, @Schema(nullable = true) String note,
                                  Volunteer.Status status, @Schema(nullable = true) String rejectReason,
                                  @Schema(nullable = true) String team, int serviceMinutes, OffsetDateTime createdAt,
                                  @Schema(description = SealedColumn.UNAVAILABLE) List<String> unavailable) {
        public static ApplicationView from(Volunteer v, PiiCipher pii) {
            PiiCipher.Reader r = pii.reader(v.getId());
            return new ApplicationView(v.getId(), v.getCommunityId(), v.name(r), v.getSkills(), v.isPartyMember(),
                    v.availability(r), v.note(r), v.getStatus(), v.getRejectReason(), v.getTeam(),
                    v.getServiceMinutes(), v.getCreatedAt(), r.unavailable());
        }
    }

    /** An approved volunteer as a person to give work to (the staff console's pickers): the account, the name, the team. */
    public record ApprovedPerson(UUID userId, @Schema(nullable = true) String name, @Schema(nullable = true) String team) {}

    public record MyVolunteer(UUID id, UUID communityId, Volunteer.Status status, @Schema(nullable = true) String rejectReason,
                              @Schema(nullable = true) String team, int serviceMinutes, List<HeldShift> upcomingShifts) {}

    /** A shift a volunteer holds; {@code status} is the claim's state at the checkpoint. */
    public record HeldShift(UUID shiftId, UUID checkpointId, String checkpointName, OffsetDateTime startsAt,
                            OffsetDateTime endsAt,
                            @Schema(enumeration = {"CLAIMED", "CHECKED_IN", "CHECKED_OUT"}) String status) {}
}
