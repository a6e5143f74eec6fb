package org.tongxin.shift;

import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.tongxin.common.PlausibleDate;
import org.tongxin.common.SafeMultilineText;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tongxin.common.SafeText;

/** Request and response records of the checkpoint and shift API (docs/shifts.md). */
@RegisterForReflection
public final class ShiftDtos {

    private ShiftDtos() {}

    public record CreateCheckpoint(@NotNull UUID communityId,
                                   @NotBlank @Size(max = 64) @SafeText String name,
                                   @Size(max = 200) @SafeText String location,
                                   @NotNull @Size(min = 1, max = 24) List<@NotNull @Min(0) @Max(23) Integer> shiftStartHours,
                                   @NotNull @Min(1) @Max(24) Integer shiftLengthHours,
                                   @NotNull @Min(1) @Max(100) Integer capacity) {}

    public record CheckpointView(UUID id, UUID communityId, String name, @Schema(nullable = true) String location,
                                 List<Integer> shiftStartHours,
                                 int shiftLengthHours, int capacity) {
        static CheckpointView from(Checkpoint c) {
            return new CheckpointView(c.getId(), c.getCommunityId(), c.getName(), c.getLocation(),
                    c.getShiftStartHours(), c.getShiftLengthHours(), c.getCapacity());
        }
    }

    /** Generate the pattern's shifts for {@code days} days from {@code from} (service-zone dates). */
    public record GenerateShifts(@NotNull @PlausibleDate LocalDate from, @NotNull @Min(1) @Max(31) Integer days) {}

    public record Generated(int created) {}

    public record ShiftView(UUID id, UUID checkpointId, OffsetDateTime startsAt, OffsetDateTime endsAt, int capacity,
                            int taken) {
        static ShiftView from(Shift s) {
            return new ShiftView(s.getId(), s.getCheckpointId(), s.getStartsAt(), s.getEndsAt(), s.getCapacity(), s.getTaken());
        }
    }

    public record ClaimView(UUID id, UUID shiftId, ShiftClaim.Status status, @Schema(nullable = true) OffsetDateTime checkedInAt,
                            @Schema(nullable = true) OffsetDateTime checkedOutAt, @Schema(nullable = true) Integer minutesServed) {
        static ClaimView from(ShiftClaim c) {
            return new ClaimView(c.getId(), c.getShiftId(), c.getStatus(), c.getCheckedInAt(), c.getCheckedOutAt(),
                    c.getMinutesServed());
        }
    }

    /** Optional handover note (交接班) for whoever holds the next shift at the checkpoint. */
    public record CheckOut(@Size(max = 1000) @SafeMultilineText String handoverNote) {}

    public record HandoverNote(UUID fromShiftId, String note, OffsetDateTime writtenAt) {}

    /** Who holds a shift of the roster and whether they came: checked in, checked out (with the minutes served). */
    public record RosterClaim(UUID shiftId, UUID volunteerId, @Schema(nullable = true) String volunteerName, ShiftClaim.Status status,
                              @Schema(nullable = true) OffsetDateTime checkedInAt, @Schema(nullable = true) OffsetDateTime checkedOutAt,
                              @Schema(nullable = true) Integer minutesServed) {}

    public record CoverageGap(UUID shiftId, UUID checkpointId, String checkpointName, OffsetDateTime startsAt,
                              OffsetDateTime endsAt, int capacity, int taken, int missing) {}

    public record NoShow(UUID shiftId, UUID checkpointId, String checkpointName, OffsetDateTime startsAt,
                         UUID volunteerId, String volunteerName) {
        static NoShow from(ClaimRepository.NoShowRow row, String volunteerName) {
            return new NoShow(row.shiftId(), row.checkpointId(), row.checkpointName(), row.startsAt(), row.volunteerId(),
                    volunteerName);
        }
    }
}
