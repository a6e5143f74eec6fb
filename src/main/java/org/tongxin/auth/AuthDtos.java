package org.tongxin.auth;

import io.quarkus.runtime.annotations.RegisterForReflection;
import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tongxin.common.PlausibleDate;
import org.tongxin.common.SafeText;

/** Request and response records of the auth API (docs/auth.md). */
@RegisterForReflection
public final class AuthDtos {

    private AuthDtos() {}

    /**
     * A one-time code from {@code wx.login} or the {@code getPhoneNumber} button: letters, digits,
     * {@code _} and {@code -} only (it travels in WeChat's URL as it is).
     */
    public record CodeRequest(@NotBlank @Size(max = 128) @Pattern(regexp = "[A-Za-z0-9_-]*") String code) {}

    public record RefreshRequest(@NotBlank @Size(max = 128) @SafeText String refreshToken) {}

    public record TokenResponse(String accessToken, String refreshToken, long expiresIn, MeView user) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ScopeView(Role role, @Schema(nullable = true) UUID streetId, @Schema(nullable = true) UUID communityId,
                            @Schema(nullable = true) UUID gridId) {
        static ScopeView from(Grant g) {
            return new ScopeView(g.role(), g.streetId(), g.communityId(), g.gridId());
        }
    }

    /** The caller as the mini-program sees them; the phone number is masked. */
    public record MeView(UUID id, @Schema(nullable = true) String nickname, List<Role> roles, List<ScopeView> scopes,
                         @Schema(nullable = true) String phone, @Schema(nullable = true) UUID householdId) {}

    public record PhoneView(String phone) {}

    /** {@code supplier}: for a SUPPLIER invitation (and only for one), the supplier as its products name it. */
    public record CreateInvitation(@NotNull Role role, UUID scopeId,
                                   @Min(1) @Max(10000) Integer maxUses, @PlausibleDate OffsetDateTime expiresAt,
                                   @Size(max = 64) @SafeText String supplier) {}

    /** The plain {@code code} appears only in the response to its creation. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record InvitationView(UUID id, @Schema(nullable = true) String code, Role role,
                                 @Schema(nullable = true) UUID scopeId, int maxUses, int usedCount,
                                 @Schema(nullable = true) OffsetDateTime expiresAt,
                                 @Schema(nullable = true) OffsetDateTime revokedAt,
                                 @Schema(nullable = true) String supplier) {
        static InvitationView from(Invitation inv, String code) {
            return new InvitationView(inv.getId(), code, inv.getRole(), inv.scopeId(), inv.getMaxUses(),
                    inv.getUsedCount(), inv.getExpiresAt(), inv.getRevokedAt(), inv.getSupplier());
        }
    }

    /** One role one person holds in one place, as staff who manage roles see it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record GrantView(UUID id, UUID userId, @Schema(nullable = true) String nickname, Role role,
                            @Schema(nullable = true) UUID streetId, @Schema(nullable = true) UUID communityId,
                            @Schema(nullable = true) UUID gridId, @Schema(nullable = true) String supplier) {}
}
