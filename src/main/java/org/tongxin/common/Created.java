package org.tongxin.common;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/** The answer to a create: 201 with the new resource's {@code Location} and its view as the body. */
public final class Created {

    private Created() {}

    /**
     * {@code location} is the resource's path, sent as it is: a relative reference, which the client
     * resolves against the request's own address (RFC 9110, {@code Location}). Resolving it here
     * (what {@code Response.created} does) parsed the forwarded headers and two URIs for every
     * create, 3 % of the service's CPU in an order burst, and behind an ingress whose address is
     * not trusted it would have named the replica's internal address.
     */
    public static Response at(String location, Object view) {
        return Response.status(Response.Status.CREATED).header(HttpHeaders.LOCATION, location).entity(view).build();
    }
}
