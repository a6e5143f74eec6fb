package org.tongxin.privacy;

import io.quarkus.arc.All;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.tongxin.auth.Caller;
import org.tongxin.auth.Role;
import org.tongxin.auth.ScopeGuard;
import org.tongxin.common.ApiException;
import org.tongxin.common.OrgLocation;
import org.tongxin.common.Page;
import org.tongxin.common.PlaceError;
import org.tongxin.common.SqlErrors;
import org.tongxin.privacy.StandDownDtos.Declare;
import org.tongxin.privacy.StandDownDtos.DryRun;
import org.tongxin.privacy.StandDownDtos.Erase;
import org.tongxin.privacy.StandDownDtos.Scope;
import org.tongxin.privacy.StandDownDtos.StandDownView;

/**
 * Stand-downs (docs/privacy.md): a district admin declares the end of the emergency for a street or
 * the district with a retention deadline, reads its dry run until then, and may cancel it until the
 * purge starts ({@link StandDownPurge} does the purge).
 */
@ApplicationScoped
public class StandDownService {

    /** SQLSTATE foreign_key_violation: the street named does not exist. */
    private static final String NO_SUCH_ROW = "23503";

    private final StandDownRepository standDowns;
    private final List<PersonalData> features;
    private final ScopeGuard scope;
    private final PrivacyConfig config;
    private final Clock clock;

    StandDownService(StandDownRepository standDowns, @All List<PersonalData> features, ScopeGuard scope, PrivacyConfig config,
                     Clock clock) {
        this.standDowns = standDowns;
        this.features = features;
        this.scope = scope;
        this.config = config;
        this.clock = clock;
    }

    @Transactional
    public StandDownView declare(Caller caller, @NotNull @Valid Declare req) {
        requireAdmin(caller);
        boolean street = req.scope().type() == StandDown.ScopeType.STREET;
        if (street != (req.scope().id() != null)) {
            throw new ApiException(PrivacyError.STAND_DOWN_SCOPE_INVALID);
        }
        int days = req.retainDays() != null ? req.retainDays() : config.retainDays();
        StandDown s = new StandDown(req.scope().id(), days, caller.userId(), OffsetDateTime.now(clock));
        try {
            standDowns.persistAndFlush(s);
        } catch (PersistenceException e) {
            if (SqlErrors.sqlState(e).filter(NO_SUCH_ROW::equals).isPresent()) {
                throw new ApiException(PlaceError.STREET_NOT_FOUND);
            }
            throw e;
        }
        Log.infof("stand-down declared id=%s scope=%s street=%s purgeAt=%s by=%s", s.getId(), s.getScopeType(), s.getStreetId(),
                s.getPurgeAt(), caller.userId());
        return view(s, false);
    }

    /** The stand-down with its dry run (while it is scheduled or purging) and what was purged. */
    @Transactional
    public StandDownView get(Caller caller, UUID id) {
        requireAdmin(caller);
        return view(find(id), true);
    }

    public Page<StandDownView> list(Caller caller, int page, int size) {
        requireAdmin(caller);
        return Page.of(standDowns.find("order by declaredAt desc, id"), page, size, s -> view(s, false));
    }

    @Transactional
    public StandDownView cancel(Caller caller, UUID id) {
        requireAdmin(caller);
        StandDown s = find(id);
        if (!standDowns.cancel(id)) {
            throw new ApiException(PrivacyError.STAND_DOWN_STARTED);
        }
        Log.infof("stand-down cancelled id=%s by=%s", id, caller.userId());
        return view(standDowns.reloaded(s), false);
    }

    private StandDown find(UUID id) {
        return standDowns.findByIdOptional(id).orElseThrow(() -> new ApiException(PrivacyError.STAND_DOWN_NOT_FOUND));
    }

    private void requireAdmin(Caller caller) {
        scope.require(caller, Role.DISTRICT_ADMIN, OrgLocation.NOWHERE);
    }

    private StandDownView view(StandDown s, boolean withDryRun) {
        boolean open = s.getStatus() == StandDown.Status.SCHEDULED || s.getStatus() == StandDown.Status.PURGING;
        return new StandDownView(s.getId(), new Scope(s.getScopeType(), s.getStreetId()), s.getRetainDays(), s.getDeclaredBy(),
                s.getDeclaredAt(), s.getPurgeAt(), s.getStatus(), s.getStartedAt(), s.getFinishedAt(),
                withDryRun && open ? dryRun(s.scope()) : null, standDowns.purged(s.getId()));
    }

    private DryRun dryRun(PurgeScope where) {
        List<Erase> erase = new ArrayList<>();
        Map<String, Long> totals = new TreeMap<>();
        List<PersonalData.Kept> keep = new ArrayList<>();
        for (PersonalData feature : features) {
            for (PersonalData.Step step : feature.purgeSteps()) {
                totals.put(step.name(), 0L);
                for (PersonalData.Count c : step.remaining().apply(where)) {
                    erase.add(new Erase(step.name(), c.communityId(), c.count()));
                    totals.merge(step.name(), c.count(), Long::sum);
                }
            }
            keep.addAll(feature.kept(where));
        }
        return new DryRun(OffsetDateTime.now(clock), totals, erase, keep);
    }
}
