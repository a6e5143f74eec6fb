package org.tongxin.org;

import java.util.List;
import java.util.UUID;
import org.tongxin.auth.Caller;

/**
 * People of a community who may not come to a testing site and are visited at home instead: those
 * on the vulnerable register and the households that asked for home sampling. Declared here, beneath
 * the features that need it (mass-testing rounds) and the one that knows it (care, which implements
 * it and applies its own rules on who may see what), so that neither calls the other.
 */
public interface HomeBound {

    /** Where the knowledge comes from: the vulnerable register (with a name), or an open HOME_SAMPLING care request. */
    enum Source { REGISTER, CARE_REQUEST }

    /** A person (register: {@code name} set) or a household (care request: {@code name} null) to visit. */
    record Visit(UUID householdId, String name, Source source) {}

    /** The visits of the community that {@code caller} may see (none for someone the register is not shown to). */
    List<Visit> visibleTo(Caller caller, UUID communityId);
}
