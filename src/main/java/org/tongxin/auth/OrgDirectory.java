package org.tongxin.auth;

import java.util.UUID;
import org.tongxin.common.OrgLocation;

/**
 * What auth needs to know about the organisation tree, declared here and implemented by the
 * {@code org} feature above it (auth sits beneath org in the stack and never calls it): where a
 * street, community or grid sits, so that an invitation's scope can be checked and stored with
 * all its ancestors. Each method answers 404 (problem+json) for an unknown id.
 */
public interface OrgDirectory {

    OrgLocation locateStreet(UUID id);

    OrgLocation locateCommunity(UUID id);

    OrgLocation locateGrid(UUID id);
}
