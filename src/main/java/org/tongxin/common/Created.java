package org.tongxin.common;

import jakarta.ws.rs.core.Response;
import java.net.URI;

/** The answer to a create: 201 with the new resource's {@code Location} and its view as the body. */
public final class Created {

    private Created() {}

    public static Response at(String location, Object view) {
        return Response.created(URI.create(location)).entity(view).build();
    }
}
